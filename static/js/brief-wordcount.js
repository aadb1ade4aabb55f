// Word count and reading time under News and Analysis, as the editor types.
// The count reads the prose editor's text (or the bare textarea without it);
// the words are in data attributes so the script needs no translations.
(function () {
  "use strict";
  var WORDS_PER_MINUTE = 200;

  function words(text) {
    var parts = text.trim().split(/\s+/);
    return parts[0] === "" ? 0 : parts.length;
  }

  function textOf(textarea) {
    var editor = textarea.parentElement.querySelector(
      ".ProseMirror[contenteditable=true]");
    if (editor) {
      var blocks = [];
      editor.querySelectorAll("p, li, h2, h3, h4, blockquote").forEach(function (el) {
        blocks.push(el.textContent);
      });
      return blocks.length ? blocks.join(" ") : editor.textContent;
    }
    var scratch = document.createElement("div");
    scratch.innerHTML = textarea.value.replace(/</g, " <");
    return scratch.textContent;
  }

  function label(counter, count) {
    var text = (count === 1 ? counter.dataset.one : counter.dataset.many).replace(
      "{count}", count);
    if (count) {
      var minutes = Math.max(1, Math.round(count / WORDS_PER_MINUTE));
      text += ", " + counter.dataset.read.replace("{minutes}", minutes);
    }
    return text;
  }

  function attach(textarea, template) {
    var counter = document.createElement("p");
    counter.id = "wordcount-" + textarea.name;
    counter.className = "brief-wordcount help";
    counter.setAttribute("aria-live", "polite");
    counter.dataset.one = template.dataset.one;
    counter.dataset.many = template.dataset.many;
    counter.dataset.read = template.dataset.read;
    var field = textarea.parentElement;
    field.parentElement.insertBefore(counter, field.nextSibling);
    var update = function () {
      counter.textContent = label(counter, words(textOf(textarea)));
    };
    update();
    new MutationObserver(update).observe(field, {
      childList: true, subtree: true, characterData: true,
    });
    field.addEventListener("input", update);
  }

  function start() {
    var template = document.getElementById("brief-wordcount-text");
    if (!template) return;
    ["news", "analysis"].forEach(function (name) {
      var textarea = document.querySelector('textarea[name="' + name + '"]');
      if (textarea) attach(textarea, template);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
