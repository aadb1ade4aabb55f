// "Copy" buttons on the republish page. Without JavaScript the buttons stay
// hidden and readers select the read-only text areas themselves.
(function () {
  "use strict";

  function selectAll(field) {
    field.focus();
    field.select();
    field.setSelectionRange(0, field.value.length);
  }

  function copy(field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    return new Promise(function (resolve, reject) {
      selectAll(field);
      // Older browsers and plain-HTTP sites: the legacy copy command.
      if (document.execCommand && document.execCommand("copy")) {
        resolve();
      } else {
        reject(new Error("copy refused"));
      }
    });
  }

  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.dataset.copy);
    var status = document.getElementById(button.dataset.status);
    if (!field || !status) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = "";
      copy(field).then(
        function () {
          status.textContent = button.dataset.copied;
        },
        function () {
          selectAll(field);
          status.textContent = button.dataset.failed;
        }
      );
    });
  });
})();
