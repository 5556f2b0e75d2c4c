// Starts the playground. Trunk writes the addresses of the wasm-bindgen glue and of the
// WebAssembly module (their names carry a content hash) into this script's tag (`pattern_script`
// in Trunk.toml). The loader lives in this file, not inline in index.html, so the page's
// Content-Security-Policy can allow scripts from its own origin only.
const tag = document.querySelector('script[data-wasm]');
const js = new URL(tag.dataset.js, document.baseURI);
const wasm = new URL(tag.dataset.wasm, document.baseURI);

const { default: init } = await import(js.href);
const exports = await init({ module_or_path: wasm });
// A measuring harness (tests/soak.mjs) that asks for it gets the module's memory, to watch
// its size; a normal page exposes nothing.
if ('__nnWasmMemory' in window) window.__nnWasmMemory = exports.memory;
// The app runs: the note that says what to do when it does not (index.html) can go.
document.getElementById('boot-note')?.remove();

// The buttons of the message a panic shows (web/src/crash.rs). They are handled here, in plain
// JavaScript, because the WebAssembly module may not run again after a panic.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('#crash button') : null;
  if (!button) return;
  if (button.id === 'crash-reset') {
    // Start over: the default settings, and (in the full page) nothing kept from before.
    const embedded = window.self !== window.top || /[#&]embed=true(&|$)/.test(location.hash);
    if (!embedded) {
      try { localStorage.removeItem('nn-playground/experiment'); } catch { /* none to remove */ }
    }
    history.replaceState(null, '', embedded ? '#embed=true' : '#');
  }
  location.reload();
});
