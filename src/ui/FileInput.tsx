// A file picker whose words follow the app's language: the browser's own <input type=file> says
// "Choose File / No file chosen" (or 选择文件 / 未选择任何文件) in the browser's language, not
// the one chosen in the app. The real input stays (keyboard, screen readers, drag onto it) but
// is drawn invisibly under our button text and the chosen file's name. Put it inside a <label>.
import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { useT } from './context';

interface Props {
  accept?: string;
  disabled?: boolean;
  'data-testid'?: string;
  onChange: (e: TargetedEvent<HTMLInputElement, Event>) => void;
}

export function FileInput(props: Props) {
  const tr = useT();
  const [name, setName] = useState<string | null>(null);
  const { onChange, disabled } = props;
  return (
    <span class={`file-pick${disabled ? ' disabled' : ''}`}>
      <span class="file-pick-button" aria-hidden="true">
        {tr('ui.file.choose')}
      </span>
      <span class="file-pick-name" data-testid="file-pick-name">
        {name ?? tr('ui.file.none')}
      </span>
      <input
        type="file"
        class="file-pick-input"
        accept={props.accept}
        disabled={disabled}
        data-testid={props['data-testid']}
        onChange={(e) => {
          setName(e.currentTarget.files?.[0]?.name ?? null);
          onChange(e);
        }}
      />
    </span>
  );
}
