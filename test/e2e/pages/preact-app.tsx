/**
 * A Preact page for the hostile-page tests: it re-renders, every 50 ms, text nodes that hold names
 * Stakes underlines (Preact updates a text node's data in place), reorders a keyed list of names,
 * and mounts and unmounts a paragraph. Bundled by the test with esbuild into preact-app.js.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';

function App() {
  const [n, setN] = useState(0);
  const [running, setRunning] = useState(true);
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setN(x => x + 1), 50);
    return () => clearInterval(timer);
  }, [running]);
  const items = n % 2 ? ['TikTok', 'ByteDance', 'Jeff Yass'] : ['Jeff Yass', 'TikTok'];
  return (
    <article>
      <h1>Live coverage</h1>
      <p id="lead">{`Round ${n}: ByteDance owns TikTok, and the story keeps changing as it is written.`}</p>
      <p id="static">Jeff Yass co-founded Susquehanna International Group, a trading firm that reports say holds a stake in ByteDance.</p>
      <ul id="list">
        {items.map(name => (
          <li key={name}>{`${name} is in the list`}</li>
        ))}
      </ul>
      {n % 3 === 0 ? <p id="sometimes">Sometimes a paragraph appears: Donald Trump spoke about TikTok.</p> : null}
      <p>Filler text for the live story, long enough to read like an article about the app and its owners.</p>
      <button id="stop" type="button" onClick={() => setRunning(false)}>Stop</button>
      <button id="bump" type="button" onClick={() => setN(x => x + 1)}>Bump</button>
      <output id="count">{String(n)}</output>
    </article>
  );
}

render(<App />, document.getElementById('root')!);
