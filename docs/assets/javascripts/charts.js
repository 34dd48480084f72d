// Charts arrive as static SVG images that show without JavaScript.  Only when the reader acts —
// scrolls the page and a chart comes into view, or points at, taps or tabs to a chart — is the
// interactive runtime (Vega, Vega-Lite and vega-embed, ~300 KB gzip, served by this site
// itself) loaded, once, and the chart redrawn from its spec with tooltips.  Opening a page
// loads none of it.
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
      // ast: Vega interprets expressions instead of compiling them (no eval: the site's
      // Content-Security-Policy allows none); no <style> element injected, by the embed or by
      // its tooltips (their style is in portal.css).
      var options = {
        actions: false, renderer: "svg", ast: true, defaultStyle: false,
        tooltip: { disableDefaultStyle: true }
      };
      return loaded[0](target, loaded[1], options).then(function () {
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
    figures.forEach(function (figure) {
      ["pointerenter", "pointerdown", "focusin"].forEach(function (type) {
        figure.addEventListener(type, function () { embed(figure); }, { once: true });
      });
    });
    if (!figures.length || !("IntersectionObserver" in window)) return;
    window.addEventListener("scroll", function () {
      var observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            embed(entry.target);
          }
        });
      }, { rootMargin: "200px" });
      figures.forEach(function (figure) { observer.observe(figure); });
    }, { once: true, passive: true });
  }

  if (window.document$) {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
