import { render } from 'preact';

render(<p>一老一小设施规划</p>, document.getElementById('app')!);
