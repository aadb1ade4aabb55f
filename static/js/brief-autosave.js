/* No edit is lost, on the brief's change form (briefs/admin_locking.py).
 *
 * Presence: every 20 s the form posts to the brief's presence endpoint and
 * shows "Also open by: Ana (since 10:42)" when other editors have it open.
 *
 * Autosave: every few seconds (and on each change) the headline, summary,
 * News and Analysis go to localStorage under a key of the brief (or "new")
 * and the user. When the form opens with a kept copy that differs from what
 * the server sent, a banner offers "Restore unsaved text from <time>" or
 * "Discard". On submit the copy is marked as sent with the version it was
 * typed on: when the form opens again on a newer version the save went
 * through and the copy is dropped; if the save never arrived (session
 * expired, connection dropped) the version is the same and the copy is
 * offered back.
 *
 * Without JavaScript the form works as before; the server still refuses a
 * save over a newer version.
 */
(function () {
  "use strict";

  var FIELDS = ["title", "summary", "news", "analysis"];
  var PING_MS = 20000;
  var SAVE_MS = 3000;
  var editors = {};

  // django-prose-editor announces each editor; keep them to restore into.
  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail && event.detail.textarea;
    if (textarea && textarea.name) {
      editors[textarea.name] = event.detail.editor;
    }
  });

  function field(form, name) {
    return form.querySelector('[name="' + name + '"]');
  }

  function values(form) {
    var result = {};
    FIELDS.forEach(function (name) {
      var input = field(form, name);
      if (!input) {
        return;
      }
      // The prose editor copies its text into the textarea on each change.
      result[name] = input.value;
    });
    return result;
  }

  function normal(html) {
    // The editor and the server write the same text with small differences.
    return (html || "")
      .replace(/<p><\/p>/g, "")
      .replace(/\s+/g, " ")
      .trim();
  }

  function differs(a, b) {
    return FIELDS.some(function (name) {
      return (name in a || name in b) && normal(a[name]) !== normal(b[name]);
    });
  }

  function put(form, kept) {
    FIELDS.forEach(function (name) {
      var input = field(form, name);
      if (!input || !(name in kept)) {
        return;
      }
      var editor = editors[name];
      if (editor && editor.commands) {
        editor.commands.setContent(kept[name]); // Updates the textarea too.
      } else {
        input.value = kept[name];
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
  }

  function read(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key) || "null");
    } catch (error) {
      return null;
    }
  }

  function write(key, copy) {
    try {
      window.localStorage.setItem(key, JSON.stringify(copy));
    } catch (error) {
      // Storage full or refused: the server-side lock still protects saves.
    }
  }

  function forget(key) {
    try {
      window.localStorage.removeItem(key);
    } catch (error) {
      // Nothing kept.
    }
  }

  function when(stamp) {
    return new Date(stamp).toLocaleString([], {
      dateStyle: "medium",
      timeStyle: "short",
    });
  }

  function startAutosave(form, marker) {
    var key = "newsroom:" + marker.getAttribute("data-autosave-key");
    var savedAt = marker.getAttribute("data-saved-at") || "";
    var server = values(form);
    var kept = read(key);
    var lastWritten = JSON.stringify(server);
    var typed = false;

    var newKey = key.replace(/:brief:[^:]+:/, ":brief:new:");
    var added = newKey !== key && read(newKey);
    if (added && added.sent && added.values && added.values.title === server.title) {
      forget(newKey); // The new brief was saved: this is it.
    }
    if (kept && kept.sent && savedAt && kept.base !== savedAt) {
      forget(key); // The save went through: the brief has a newer version.
      kept = null;
    }
    if (kept && kept.values && differs(kept.values, server)) {
      offer(form, key, kept);
    } else if (kept) {
      forget(key);
    }

    function save(sent) {
      if (!typed) {
        return; // Nothing typed here yet: keep any older copy as it is.
      }
      var now = values(form);
      var text = JSON.stringify(now);
      if (!sent && text === lastWritten) {
        return;
      }
      lastWritten = text;
      if (!differs(now, server) && !sent) {
        forget(key);
        return;
      }
      write(key, {
        values: now,
        base: marker.value || savedAt,
        time: new Date().toISOString(),
        sent: Boolean(sent),
      });
    }

    window.setInterval(function () {
      save(false);
    }, SAVE_MS);
    form.addEventListener("input", function () {
      typed = true;
      save(false);
    });
    form.addEventListener("submit", function (event) {
      // "Preview changes" posts the form elsewhere: the text is not saved.
      var previewing = event.submitter && event.submitter.name === "_preview";
      save(!previewing);
    });
    window.addEventListener("pagehide", function () {
      save(false);
    });
  }

  function offer(form, key, kept) {
    var banner = document.getElementById("brief-restore");
    if (!banner) {
      return;
    }
    var yes = banner.querySelector(".brief-restore-yes");
    var no = banner.querySelector(".brief-restore-no");
    banner.querySelector(".brief-restore-hint").textContent =
      banner.getAttribute("data-hint");
    yes.textContent = banner
      .getAttribute("data-label")
      .replace("%(when)s", when(kept.time));
    banner.hidden = false;
    yes.addEventListener("click", function () {
      put(form, kept.values);
      banner.hidden = true;
    });
    no.addEventListener("click", function () {
      forget(key);
      banner.hidden = true;
    });
  }

  function startPresence(form) {
    var banner = document.getElementById("brief-presence");
    var url = banner && banner.getAttribute("data-url");
    var token = field(form, "csrfmiddlewaretoken");
    if (!url || !token || !window.fetch) {
      return;
    }
    function ping() {
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": token.value, Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          if (!data) {
            return;
          }
          var others = data.others || [];
          banner.hidden = others.length === 0;
          banner.textContent = data.message || "";
        })
        .catch(function () {
          // Offline: try again at the next ping.
        });
    }
    ping();
    window.setInterval(ping, PING_MS);
  }

  function start() {
    var form = document.getElementById("brief_form");
    var marker = form && field(form, "loaded_version");
    if (!marker) {
      return;
    }
    startPresence(form);
    startAutosave(form, marker);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
