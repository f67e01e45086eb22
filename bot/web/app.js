/* 郑州市服务外包政策助手 — web chat.
 * Talks to POST /api/chat (same origin; bot/webserver.py proxies to Rasa's REST channel).
 * The sender id and the transcript are kept in localStorage so a reload keeps the chat.
 * All bot text is inserted with textContent, so HTML in replies is shown as plain text.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "zz-policy-chat-v1";
  var MAX_STORED_MESSAGES = 200;
  var REQUEST_TIMEOUT_MS = 65000;
  var OFFLINE_TEXT = "无法连接到服务器，请稍后重试";
  var EMPTY_REPLY_TEXT = "抱歉，我暂时没有找到答案，可以换个说法再问一次。";
  var WELCOME_TEXT =
    "您好！我是郑州市服务外包政策助手。\n" +
    "我可以帮您：判断企业申报资格、确认业务属于哪个目录领域、查询补贴标准、测算奖励金额，或进行申报预审。\n" +
    "请直接输入问题，或点击下方的常见问题。";

  var els = {
    messages: document.getElementById("messages"),
    form: document.getElementById("composer"),
    input: document.getElementById("input"),
    send: document.getElementById("send"),
    restart: document.getElementById("restart"),
    chips: Array.prototype.slice.call(document.querySelectorAll(".chip"))
  };

  var memoryStore = null; // used when localStorage is unavailable
  var state = load();
  var busy = false;
  var generation = 0; // bumps on restart so late replies of an old chat are dropped

  // ------------------------------------------------------------ storage

  function newSenderId() {
    var rand = "";
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      rand = window.crypto.randomUUID();
    } else if (window.crypto && window.crypto.getRandomValues) {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      rand = Array.prototype.map.call(bytes, function (b) {
        return ("0" + b.toString(16)).slice(-2);
      }).join("");
    } else {
      rand = String(Date.now()) + String(Math.random()).slice(2);
    }
    return "web-" + rand;
  }

  function fresh() {
    return { sender: newSenderId(), messages: [] };
  }

  function load() {
    try {
      var raw = window.localStorage.getItem(STORAGE_KEY);
      if (raw) {
        var data = JSON.parse(raw);
        if (data && typeof data.sender === "string" && Array.isArray(data.messages)) {
          return data;
        }
      }
    } catch (e) {
      /* storage blocked or corrupt: start fresh */
    }
    return memoryStore || fresh();
  }

  function save() {
    state.messages = state.messages.slice(-MAX_STORED_MESSAGES);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (e) {
      memoryStore = state;
    }
  }

  // ---------------------------------------------------------- rendering

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function isHttpUrl(value) {
    return typeof value === "string" && /^https?:\/\//i.test(value);
  }

  // A print link of a pre-screening report (…/report/<token>) becomes a same-origin link.
  var REPORT_LINK = /(?:https?:\/\/[^\s\/]+)?(\/report\/[A-Za-z0-9_-]{32,128})/g;

  function textWithLinks(text) {
    var p = el("p", "text");
    var last = 0;
    var match;
    REPORT_LINK.lastIndex = 0;
    while ((match = REPORT_LINK.exec(text)) !== null) {
      p.appendChild(document.createTextNode(text.slice(last, match.index)));
      var a = el("a", "report-link", match[0]);
      a.href = match[1];
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      p.appendChild(a);
      last = match.index + match[0].length;
    }
    p.appendChild(document.createTextNode(text.slice(last)));
    return p;
  }

  function sendFeedback(message, rating, group) {
    if (message.rated) return;
    message.rated = rating;
    save();
    group.setAttribute("data-rated", rating);
    Array.prototype.forEach.call(group.querySelectorAll("button"), function (b) {
      b.disabled = true;
      if (b.getAttribute("data-rating") === rating) b.classList.add("chosen");
    });
    fetch("/api/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: state.sender, rating: rating, question: message.q, answer: message.text })
    }).catch(function () {});
  }

  function feedbackButtons(message) {
    var group = el("div", "feedback");
    [["up", "👍", "有帮助"], ["down", "👎", "没帮助"]].forEach(function (spec) {
      var b = el("button", "rate rate-" + spec[0], spec[1]);
      b.type = "button";
      b.setAttribute("data-rating", spec[0]);
      b.setAttribute("aria-label", spec[2]);
      b.title = spec[2];
      if (message.rated) {
        b.disabled = true;
        if (message.rated === spec[0]) b.classList.add("chosen");
      }
      b.addEventListener("click", function () { sendFeedback(message, spec[0], group); });
      group.appendChild(b);
    });
    return group;
  }

  function renderMessage(message) {
    var row = el("div", "row " + (message.role === "user" ? "user" : "bot"));
    var bubble = el("div", "bubble");
    if (message.text) {
      bubble.appendChild(message.role === "user" ? el("p", "text", message.text) : textWithLinks(message.text));
    }
    if (message.image && isHttpUrl(message.image)) {
      var link = el("a", "image-link", "查看图片");
      link.href = message.image;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      bubble.appendChild(link);
    }
    if (message.buttons && message.buttons.length) {
      var group = el("div", "choices");
      message.buttons.forEach(function (button) {
        var b = el("button", "choice", button.title);
        b.type = "button";
        b.addEventListener("click", function () {
          send(button.payload, button.title);
        });
        group.appendChild(b);
      });
      bubble.appendChild(group);
    }
    if (message.role !== "user" && typeof message.q === "string" && message.text) {
      bubble.appendChild(feedbackButtons(message));
    }
    row.appendChild(bubble);
    return row;
  }

  function scrollToBottom() {
    els.messages.scrollTop = els.messages.scrollHeight;
  }

  function renderAll() {
    els.messages.textContent = "";
    els.messages.appendChild(renderMessage({ role: "bot", text: WELCOME_TEXT }));
    state.messages.forEach(function (m) {
      els.messages.appendChild(renderMessage(m));
    });
    scrollToBottom();
  }

  function append(message) {
    state.messages.push(message);
    save();
    els.messages.appendChild(renderMessage(message));
    scrollToBottom();
  }

  function showTyping() {
    hideTyping();
    var row = el("div", "row bot typing");
    row.id = "typing";
    var bubble = el("div", "bubble");
    bubble.setAttribute("aria-label", "助手正在输入");
    var dots = el("span", "dots");
    dots.appendChild(el("span"));
    dots.appendChild(el("span"));
    dots.appendChild(el("span"));
    bubble.appendChild(dots);
    bubble.appendChild(el("span", "typing-text", "正在思考…"));
    row.appendChild(bubble);
    els.messages.appendChild(row);
    scrollToBottom();
  }

  function hideTyping() {
    var node = document.getElementById("typing");
    if (node) node.parentNode.removeChild(node);
  }

  function clearError() {
    var node = document.getElementById("error");
    if (node) node.parentNode.removeChild(node);
  }

  function showError(payload, text) {
    clearError();
    var row = el("div", "row bot error");
    row.id = "error";
    row.setAttribute("role", "alert");
    var bubble = el("div", "bubble");
    bubble.appendChild(el("span", "error-text", text || OFFLINE_TEXT));
    var retry = el("button", "retry", "重试");
    retry.type = "button";
    retry.addEventListener("click", function () {
      deliver(payload);
    });
    bubble.appendChild(retry);
    row.appendChild(bubble);
    els.messages.appendChild(row);
    scrollToBottom();
  }

  function setBusy(value) {
    busy = value;
    els.send.disabled = value;
    els.chips.forEach(function (chip) { chip.disabled = value; });
    Array.prototype.forEach.call(document.querySelectorAll(".choice, .retry"), function (b) {
      b.disabled = value;
    });
  }

  // ------------------------------------------------------------ network

  function normalize(items) {
    var out = [];
    (Array.isArray(items) ? items : []).forEach(function (item) {
      if (!item || typeof item !== "object") return;
      var message = { role: "bot", text: typeof item.text === "string" ? item.text : "" };
      if (Array.isArray(item.buttons)) {
        message.buttons = item.buttons
          .filter(function (b) { return b && (b.title || b.payload); })
          .map(function (b) {
            return { title: String(b.title || b.payload), payload: String(b.payload || b.title) };
          });
      }
      if (isHttpUrl(item.image)) message.image = item.image;
      if (message.text || (message.buttons && message.buttons.length) || message.image) {
        out.push(message);
      }
    });
    return out;
  }

  function postChat(sender, message) {
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS) : null;
    return fetch("/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: sender, message: message }),
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (timer) clearTimeout(timer);
      if (!response.ok) {
        var error = new Error("HTTP " + response.status);
        error.status = response.status;
        throw error;
      }
      return response.json();
    }, function (err) {
      if (timer) clearTimeout(timer);
      throw err;
    });
  }

  function deliver(payload) {
    var myGeneration = generation;
    clearError();
    setBusy(true);
    showTyping();
    postChat(state.sender, payload).then(function (data) {
      if (myGeneration !== generation) return;
      hideTyping();
      var replies = normalize(data);
      if (!replies.length) replies = [{ role: "bot", text: EMPTY_REPLY_TEXT }];
      replies.forEach(function (reply) {
        reply.q = payload;
        append(reply);
      });
    }).catch(function (err) {
      if (myGeneration !== generation) return;
      hideTyping();
      var text = err && err.status && err.status !== 502 && err.status !== 504
        ? "请求未成功（" + err.status + "），请稍后重试"
        : OFFLINE_TEXT;
      showError(payload, text);
    }).then(function () {
      if (myGeneration !== generation) return;
      setBusy(false);
    });
  }

  function send(payload, displayText) {
    if (busy) return;
    var text = String(payload || "").trim();
    if (!text) return;
    append({ role: "user", text: displayText || text });
    deliver(text);
  }

  // ------------------------------------------------------------- events

  function autosize() {
    els.input.style.height = "auto";
    els.input.style.height = Math.min(els.input.scrollHeight, 120) + "px";
  }

  els.form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy) return;
    var text = els.input.value.trim();
    if (!text) return;
    els.input.value = "";
    autosize();
    send(text);
  });

  els.input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      els.form.requestSubmit ? els.form.requestSubmit() : els.send.click();
    }
  });
  els.input.addEventListener("input", autosize);

  els.chips.forEach(function (chip) {
    chip.addEventListener("click", function () {
      send(chip.getAttribute("data-text"));
    });
  });

  els.restart.addEventListener("click", function () {
    var oldSender = state.sender;
    generation += 1;
    // Best effort: reset the conversation on the server too.
    postChat(oldSender, "/restart").catch(function () {});
    state = fresh();
    save();
    hideTyping();
    clearError();
    setBusy(false);
    renderAll();
    els.input.value = "";
  });

  renderAll();
})();
