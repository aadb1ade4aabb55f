/* "Was this content helpful?": send the vote in place instead of reloading.
 *
 * Without JavaScript the same forms post normally and the server redirects
 * back to the brief with a thank-you. With it, the vote goes out with fetch
 * (Accept: application/json), the thank-you appears in the live region, and
 * after "No" the "What could we improve?" box opens.
 */
(function () {
  "use strict";

  function send(form, extra) {
    var data = new FormData(form);
    if (extra) {
      data.append(extra.name, extra.value);
    }
    return fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      return response.json().catch(function () {
        return { ok: false };
      });
    });
  }

  function setup(section) {
    var voteForm = section.querySelector(".feedback-vote");
    var improveForm = section.querySelector(".feedback-improve");
    var status = section.querySelector(".feedback-status");
    var failed = section.getAttribute("data-error") || "";
    if (!voteForm || !improveForm || !status) {
      return;
    }

    function say(message) {
      status.textContent = message || failed;
    }

    function busy(form, on) {
      form.querySelectorAll("button").forEach(function (button) {
        button.disabled = on;
      });
    }

    voteForm.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || button.name !== "helpful") {
        return;
      }
      event.preventDefault();
      busy(voteForm, true);
      send(voteForm, button)
        .then(function (result) {
          say(result.message || result.error);
          if (!result.ok) {
            return;
          }
          voteForm.querySelectorAll("button[name=helpful]").forEach(function (b) {
            b.setAttribute("aria-pressed", b === button ? "true" : "false");
          });
          improveForm.hidden = result.helpful;
        })
        .catch(function () {
          say("");
        })
        .finally(function () {
          busy(voteForm, false);
        });
    });

    improveForm.addEventListener("submit", function (event) {
      event.preventDefault();
      busy(improveForm, true);
      send(improveForm)
        .then(function (result) {
          say(result.message || result.error);
          if (result.ok) {
            improveForm.reset();
            improveForm.hidden = true;
          }
        })
        .catch(function () {
          say("");
        })
        .finally(function () {
          busy(improveForm, false);
        });
    });
  }

  document.querySelectorAll("[data-feedback]").forEach(setup);
})();
