/* Console page helpers (no inline scripts: the CSP allows only same-origin files). */
(function () {
  "use strict";
  var printButton = document.getElementById("print-button");
  if (printButton) {
    printButton.addEventListener("click", function () { window.print(); });
  }
})();
