// Forum drafts: save what a member types to the server a moment after they stop typing, so a
// closed tab loses nothing. Without JavaScript the form's "Save draft" and "Preview" buttons
// keep the draft the same way.
const DELAY_MS = 1500;

function enhance(form) {
  const url = form.dataset.forumDraft;
  const status = form.querySelector("[data-draft-status]");
  let timer = null;
  let last = null;

  async function save() {
    timer = null;
    const data = new FormData(form);
    data.delete("action");
    const snapshot = JSON.stringify([...data.entries()].filter(([k]) => k !== "csrfmiddlewaretoken"));
    if (snapshot === last) return;
    try {
      const response = await fetch(url, {
        method: "POST",
        body: data,
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
      });
      if (response.ok) {
        last = snapshot;
        if (status) status.textContent = "Draft saved.";
      } else if (status) {
        status.textContent = "Your draft could not be saved just now; use Save draft.";
      }
    } catch {
      if (status) status.textContent = "Your draft could not be saved just now; use Save draft.";
    }
  }

  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  });
  window.addEventListener("pagehide", () => {
    if (timer) {
      clearTimeout(timer);
      const data = new FormData(form);
      data.delete("action");
      navigator.sendBeacon(url, data);
    }
  });
  form.addEventListener("submit", () => {
    clearTimeout(timer);
    timer = null;
  });
}

document.querySelectorAll("form[data-forum-draft]").forEach(enhance);
