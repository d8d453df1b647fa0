(() => {
  const log = document.getElementById("log");
  const form = document.getElementById("form");
  const input = document.getElementById("text");
  const token = new URLSearchParams(location.search).get("token");
  // Who is typing is the session cookie the server set with this page (HttpOnly: not readable here).

  function randomId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
  }

  function bubble(cls) {
    const div = document.createElement("div");
    div.className = "msg " + cls;
    log.appendChild(div);
    return div;
  }

  function showReply(reply) {
    const div = bubble("kavi");
    div.appendChild(document.createTextNode(reply.text || ""));
    if (reply.image_url) {
      const img = document.createElement("img");
      img.src = reply.image_url; img.alt = reply.image_name || "chart";
      div.appendChild(img);
    }
    if (reply.document_url) {
      const a = document.createElement("a");
      a.href = reply.document_url; a.className = "doc"; a.target = "_blank"; a.rel = "noopener";
      a.textContent = "📄 " + (reply.document_name || "document");
      div.appendChild(document.createElement("br"));
      div.appendChild(a);
    }
    if (reply.audio_url) {
      const audio = document.createElement("audio");
      audio.controls = true; audio.src = reply.audio_url;
      div.appendChild(audio);
    }
    if (reply.choices && reply.choices.length) {
      const row = document.createElement("div");
      row.className = "choices";
      for (const choice of reply.choices) {
        const b = document.createElement("button");
        b.type = "button"; b.textContent = choice;
        b.addEventListener("click", () => send(choice, reply.question_id));
        row.appendChild(b);
      }
      div.appendChild(row);
    }
    log.scrollTop = log.scrollHeight;
  }

  // A button sends the id of the question it answers, so it still works after other messages.
  function send(text, questionId) {
    bubble("me").textContent = text;
    log.scrollTop = log.scrollHeight;
    const headers = { "Content-Type": "application/json" };
    if (token) headers["X-Kavi-Token"] = token;
    return post("/web/messages", headers, () => JSON.stringify({ text, message_id: randomId(), question_id: questionId ?? null }));
  }

  function sendVoice(blob) {
    const me = bubble("me");
    const clip = document.createElement("audio");
    clip.controls = true; clip.src = URL.createObjectURL(blob);
    me.appendChild(clip);
    log.scrollTop = log.scrollHeight;
    const headers = {};
    if (token) headers["X-Kavi-Token"] = token;
    const id = randomId();
    return post("/web/voice", headers, () => {
      const form = new FormData();
      form.append("message_id", id);
      form.append("audio", blob, "voice." + (blob.type.includes("mp4") ? "m4a" : "webm"));
      return form;
    });
  }

  async function post(url, headers, makeBody) {
    const body = makeBody();
    // The same message_id on a retry: KAVI records it once.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const res = await fetch(url, { method: "POST", headers, body });
        if (res.ok) {
          const data = await res.json();
          data.replies.forEach(showReply);
          // A spoken answer plays by itself, as a voice note would.
          const last = [...log.querySelectorAll(".kavi audio")].pop();
          if (last && data.replies.some(r => r.audio_url)) last.play().catch(() => {});
          return;
        }
        const err = bubble("error");
        err.className = "error";
        const detail = await res.json().then(d => typeof d.detail === "string" ? d.detail : "").catch(() => "");
        err.textContent = res.status === 401 ? "This chat needs its access link (with ?token=…)."
                        : res.status === 413 ? "That is too long to send. Please make it shorter."
                        : res.status === 503 && detail ? "KAVI's web chat is not set up yet: " + detail
                        : "Couldn't send (" + res.status + "). Please try again.";
        return;
      } catch (e) {
        await new Promise(r => setTimeout(r, 800 * (attempt + 1)));
      }
    }
    const err = bubble("error");
    err.className = "error";
    err.textContent = "No connection to KAVI. Please try again.";
  }

  form.addEventListener("submit", ev => {
    ev.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    send(text);
  });
  input.focus();

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
        const err = bubble("error"); err.className = "error";
        err.textContent = "I need permission to use the microphone for voice notes.";
        return;
      }
      const type = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4"].find(t => MediaRecorder.isTypeSupported(t));
      recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
      const chunks = [];
      recorder.addEventListener("dataavailable", ev => { if (ev.data.size) chunks.push(ev.data); });
      recorder.addEventListener("stop", () => {
        stream.getTracks().forEach(t => t.stop());
        mic.classList.remove("recording"); mic.textContent = "🎙";
        if (chunks.length) sendVoice(new Blob(chunks, { type: recorder.mimeType || "audio/webm" }));
      });
      recorder.start();
      mic.classList.add("recording"); mic.textContent = "⏹";
      // Two minutes is the longest voice note KAVI listens to.
      setTimeout(() => { if (recorder && recorder.state === "recording") recorder.stop(); }, 120000);
    });
  }
})();
