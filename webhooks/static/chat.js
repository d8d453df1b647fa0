// The web chat: the conversation so far (GET /web/history), then messages, taps, voice notes and files,
// each answered in its own response. Who is typing is the session cookie the server set with this page
// (HttpOnly: not readable here).
(() => {
  const log = document.getElementById("log");
  const form = document.getElementById("form");
  const input = document.getElementById("text");
  const fileInput = document.getElementById("file");
  const token = new URLSearchParams(location.search).get("token");
  const MAX_FILE = 20 * 1024 * 1024; // conversations/attachments.py: MAX_ATTACHMENT_MB
  const SHRINK_OVER = 1.5 * 1024 * 1024; // photos bigger than this go smaller (slow 3G); receipts stay legible
  const LONGEST_SIDE = 2000;

  function randomId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
  }

  function authHeaders(extra) {
    const headers = Object.assign({}, extra);
    if (token) headers["X-Kavi-Token"] = token;
    return headers;
  }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function hideWelcome() {
    const welcome = document.getElementById("welcome");
    if (welcome) welcome.remove();
  }

  function bubble(cls, parent) {
    const div = document.createElement("div");
    div.className = "msg " + cls;
    (parent || log).appendChild(div);
    return div;
  }

  function showError(text) {
    const err = document.createElement("div");
    err.className = "error";
    err.setAttribute("role", "alert");
    err.textContent = text;
    log.appendChild(err);
    scrollDown();
  }

  function link(href, text, newTab) {
    const a = document.createElement("a");
    a.href = href; a.textContent = text;
    if (newTab) { a.target = "_blank"; a.rel = "noopener"; }
    return a;
  }

  function gone(div, name) {
    const note = document.createElement("div");
    note.className = "gone";
    note.textContent = name + " — this link has expired.";
    div.appendChild(note);
  }

  function image(div, url, name) {
    // Inline, and a tap opens it full size.
    const a = link(url, "", true);
    a.className = "full";
    a.setAttribute("aria-label", "Open " + name + " full size");
    const img = document.createElement("img");
    img.src = url; img.alt = name;
    img.addEventListener("load", scrollDown, { once: true });
    a.appendChild(img);
    div.appendChild(a);
  }

  function documentCard(div, url, name) {
    const card = document.createElement("div");
    card.className = "file";
    const label = document.createElement("span");
    label.className = "name";
    label.textContent = "📄 " + name;
    card.appendChild(label);
    card.appendChild(link(url, "Open preview", true));
    const save = link(url, "Download", false);
    save.download = name;
    card.appendChild(save);
    div.appendChild(card);
  }

  // KAVI's reply, as a message's response or the history gives it.
  function showReply(reply, parent) {
    const div = bubble("kavi", parent);
    div.appendChild(document.createTextNode(reply.text || ""));
    const name = kind => reply[kind + "_name"] || kind;
    if (reply.image_url) image(div, reply.image_url, reply.image_name || "chart");
    else if (reply.image_expired) gone(div, name("image"));
    if (reply.document_url) documentCard(div, reply.document_url, reply.document_name || "document.pdf");
    else if (reply.document_expired) gone(div, name("document"));
    if (reply.audio_url) {
      const audio = document.createElement("audio");
      audio.controls = true; audio.preload = "none"; audio.src = reply.audio_url;
      audio.setAttribute("aria-label", "KAVI's voice reply");
      div.appendChild(audio);
    }
    if (reply.choices && reply.choices.length) {
      const row = document.createElement("div");
      row.className = "choices";
      row.setAttribute("role", "group");
      row.setAttribute("aria-label", "Quick replies");
      for (const choice of reply.choices) {
        const b = document.createElement("button");
        b.type = "button"; b.textContent = choice;
        b.addEventListener("click", () => {
          // A question is answered once: its buttons stay as a record of the answer.
          row.querySelectorAll("button").forEach(other => { other.disabled = true; });
          b.classList.add("chosen");
          send(choice, reply.question_id);
        });
        row.appendChild(b);
      }
      div.appendChild(row);
    }
    return div;
  }

  // What the person sent, from the history: text, a file's name, what a voice note said.
  function showMine(item, parent) {
    const div = bubble("me", parent);
    const file = item.attachment;
    if (file) {
      const icon = { image: "📷 ", audio: "🎙 ", document: "📎 " }[file.kind] || "📎 ";
      const label = file.kind === "audio" ? "Voice note" : (file.name || "file");
      div.textContent = icon + label + (item.text ? ": " + item.text : "");
    } else {
      div.textContent = item.text;
    }
    return div;
  }

  async function loadHistory() {
    try {
      const res = await fetch("/web/history", { headers: authHeaders() });
      if (!res.ok) return;
      const data = await res.json();
      if (!data.messages || !data.messages.length) return;
      hideWelcome();
      // Before anything sent while it loaded.
      const earlier = document.createDocumentFragment();
      for (const item of data.messages) {
        if (item.from === "me") showMine(item, earlier);
        else showReply(item, earlier);
      }
      log.prepend(earlier);
      scrollDown();
    } catch (e) {
      // Offline or KAVI unreachable: the first screen stays; sending says what went wrong.
    } finally {
      document.body.dataset.history = "loaded";
    }
  }

  // A button sends the id of the question it answers, so it still works after other messages.
  function send(text, questionId) {
    hideWelcome();
    bubble("me").textContent = text;
    scrollDown();
    const body = JSON.stringify({ text, message_id: randomId(), question_id: questionId ?? null });
    return post("/web/messages", authHeaders({ "Content-Type": "application/json" }), body,
                "That is too long to send. Please make it shorter.");
  }

  function sendVoice(blob) {
    hideWelcome();
    const me = bubble("me");
    const clip = document.createElement("audio");
    clip.controls = true; clip.src = URL.createObjectURL(blob);
    clip.setAttribute("aria-label", "Your voice note");
    me.appendChild(clip);
    scrollDown();
    const body = new FormData();
    body.append("message_id", randomId());
    body.append("audio", blob, "voice." + (blob.type.includes("mp4") ? "m4a" : "webm"));
    return post("/web/voice", authHeaders(), body, "That voice note is too long to send.");
  }

  // A photo bigger than it needs to be for reading, made smaller before it crosses a slow network.
  async function shrunk(file) {
    // HEIC (iPhones) too: few readers take it, and the browser that made it can draw it as a JPEG.
    const heic = /hei[cf]/i.test(file.type);
    if ((file.size <= SHRINK_OVER && !heic) || !window.createImageBitmap || !file.type.startsWith("image/")) return file;
    try {
      const bitmap = await createImageBitmap(file);
      const scale = Math.min(1, LONGEST_SIDE / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale); canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise(resolve => canvas.toBlob(resolve, "image/jpeg", 0.85));
      return blob && (heic || blob.size < file.size)
        ? new File([blob], file.name.replace(/\.[^.]*$/, "") + ".jpg", { type: "image/jpeg" }) : file;
    } catch (e) {
      return file;
    }
  }

  // A receipt photo or an M-PESA statement: the same route shape as a voice note.
  async function sendFile(file) {
    if (file.size > MAX_FILE) {
      showError("That file is too big to send — the most is 20 MB.");
      return;
    }
    hideWelcome();
    const me = bubble("me");
    if (file.type.startsWith("image/")) {
      const img = document.createElement("img");
      img.src = URL.createObjectURL(file); img.alt = file.name || "photo";
      img.addEventListener("load", scrollDown, { once: true });
      me.appendChild(img);
    } else {
      me.textContent = "📎 " + (file.name || "file");
    }
    scrollDown();
    const sent = await shrunk(file);
    const body = new FormData();
    body.append("message_id", randomId());
    body.append("file", sent, sent.name || file.name || "file");
    return post("/web/attachments", authHeaders(), body, "That file is too big to send — the most is 20 MB.");
  }

  async function post(url, headers, body, tooBig) {
    // The same message_id on a retry: KAVI records it once.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const res = await fetch(url, { method: "POST", headers, body });
        if (res.ok) {
          const data = await res.json();
          const shown = data.replies.map(reply => showReply(reply));
          scrollDown();
          // A spoken answer plays by itself, as a voice note would.
          const spoken = shown.map(div => div.querySelector("audio")).filter(Boolean).pop();
          if (spoken) spoken.play().catch(() => {});
          return;
        }
        const detail = await res.json().then(d => typeof d.detail === "string" ? d.detail : "").catch(() => "");
        showError(res.status === 401 ? "This chat needs its access link (with ?token=…)."
                : res.status === 413 ? tooBig
                : res.status === 415 ? "KAVI can read photos, CSV statements and PDFs — please send one of those."
                : res.status === 503 && detail ? "KAVI's web chat is not set up yet: " + detail
                : "Couldn't send (" + res.status + "). Please try again.");
        return;
      } catch (e) {
        await new Promise(r => setTimeout(r, 800 * (attempt + 1)));
      }
    }
    showError("No connection to KAVI. Please try again.");
  }

  form.addEventListener("submit", ev => {
    ev.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    send(text);
  });

  for (const example of document.querySelectorAll(".examples button")) {
    example.addEventListener("click", () => send(example.textContent));
  }

  document.getElementById("attach").addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const file = fileInput.files && fileInput.files[0];
    fileInput.value = ""; // the same file can be picked again
    if (file) sendFile(file);
  });

  // The microphone: MediaRecorder records Opus in WebM (Chrome, Firefox) or AAC in MP4 (Safari).
  const mic = document.getElementById("mic");
  let recorder = null;
  if (navigator.mediaDevices && window.MediaRecorder) {
    mic.hidden = false;
    mic.addEventListener("click", async () => {
      if (recorder && recorder.state === "recording") { recorder.stop(); return; }
      let stream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch (e) {
        showError("I need permission to use the microphone for voice notes.");
        return;
      }
      const type = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4"].find(t => MediaRecorder.isTypeSupported(t));
      recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
      const chunks = [];
      recorder.addEventListener("dataavailable", ev => { if (ev.data.size) chunks.push(ev.data); });
      recorder.addEventListener("stop", () => {
        stream.getTracks().forEach(t => t.stop());
        mic.classList.remove("recording");
        mic.setAttribute("aria-label", "Record a voice note");
        if (chunks.length) sendVoice(new Blob(chunks, { type: recorder.mimeType || "audio/webm" }));
      });
      recorder.start();
      mic.classList.add("recording");
      mic.setAttribute("aria-label", "Stop and send the voice note");
      // Two minutes is the longest voice note KAVI listens to.
      setTimeout(() => { if (recorder && recorder.state === "recording") recorder.stop(); }, 120000);
    });
  }

  loadHistory();
})();
