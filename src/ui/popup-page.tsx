import { render } from 'preact';

import { ask } from '../shared/browser.ts';
import { Popup } from './Popup.tsx';

const app = document.getElementById('app')!;
render(<Popup status={null} />, app);
ask({ type: 'status' })
  .then(status => render(<Popup status={status} />, app))
  .catch(() => render(<p>Stakes could not load its dataset.</p>, app));
