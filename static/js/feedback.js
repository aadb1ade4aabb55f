/* "Was this content helpful?": send the vote in place instead of reloading.
 *
 * Without JavaScript the same forms post normally and the server redirects
 * back to the brief with a thank-you. With it, the vote goes out with fetch
 * (Accept: application/json), the thank-you appears in the live region, and
 * after "No" the "What could we improve?" box opens.
 *
 * The chosen answer stays pressed (aria-pressed, and "You answered Yes."
 * under the buttons). The browser remembers it in localStorage, keyed by the
 * brief's id, so a reload shows it again; no cookie is set, and the page
 * itself stays the same for every reader.
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

  var STORE_PREFIX = "newsroom:vote:";

  // localStorage can be missing or refuse (private windows, full quota):
  // then the vote is simply not remembered.
  function remembered(briefId) {
    try {
      return window.localStorage.getItem(STORE_PREFIX + briefId);
    } catch (error) {
      return null;
    }
  }

  function remember(briefId, answer) {
    try {
      window.localStorage.setItem(STORE_PREFIX + briefId, answer);
    } catch (error) {
      /* not remembered */
    }
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

    var briefId = section.getAttribute("data-brief");
    var choice = section.querySelector(".feedback-choice");

    function show(answer) {
      voteForm.querySelectorAll("button[name=helpful]").forEach(function (b) {
        b.setAttribute("aria-pressed", b.value === answer ? "true" : "false");
      });
      if (choice) {
        choice.textContent = section.getAttribute("data-chose-" + answer) || "";
        choice.hidden = !choice.textContent;
      }
    }

    // A plain form post's thank-you page already shows the answer it got.
    var pressed = voteForm.querySelector("button[aria-pressed=true]");
    if (pressed) {
      remember(briefId, pressed.value);
    } else {
      var stored = remembered(briefId);
      if (stored === "yes" || stored === "no") {
        show(stored);
      }
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
          show(button.value);
          remember(briefId, button.value);
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
