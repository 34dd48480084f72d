// Charts arrive as static SVG images that show without JavaScript.  When a reader scrolls to a
// chart (or taps it), the interactive runtime — Vega, Vega-Lite and vega-embed, served by this
// site itself — is loaded once and the chart is redrawn from its spec with tooltips.
// Material's instant navigation swaps pages without reloading, so set-up runs on every page.
(function () {
  "use strict";
  var bundleUrl = new URL("vega-bundle.js", document.currentScript.src).href;
  var runtime = null;

  function loadRuntime() {
    if (!runtime) {
      runtime = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = bundleUrl;
        script.onload = function () { resolve(window.vegaEmbed); };
        script.onerror = function () { reject(new Error("cannot load " + bundleUrl)); };
        document.head.appendChild(script);
      });
    }
    return runtime;
  }

  function embed(figure) {
    if (figure.dataset.state) return;
    figure.dataset.state = "loading";
    var specUrl = new URL(figure.dataset.spec, window.location.href).href;
    Promise.all([
      loadRuntime(),
      fetch(specUrl).then(function (response) { return response.json(); })
    ]).then(function (loaded) {
      var target = document.createElement("div");
      target.className = "chart-interactive";
      var image = figure.querySelector("img");
      figure.insertBefore(target, image);
      return loaded[0](target, loaded[1], { actions: false, renderer: "svg" }).then(function () {
        image.hidden = true;
        figure.dataset.state = "interactive";
      });
    }).catch(function (error) {
      // The static SVG stays: opened from disk, or offline, the page still shows every chart.
      figure.dataset.state = "static";
      console.warn("chart stays static:", error.message);
    });
  }

  function setUp() {
    var figures = document.querySelectorAll("figure.chart[data-spec]");
    if (!("IntersectionObserver" in window)) {
      figures.forEach(embed);
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          embed(entry.target);
        }
      });
    }, { rootMargin: "200px" });
    figures.forEach(function (figure) {
      observer.observe(figure);
      figure.addEventListener("pointerdown", function () { embed(figure); }, { once: true });
    });
  }

  if (window.document$) {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
