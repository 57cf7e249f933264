/** What a key does on the page; pan steps move the picture the way the arrow points at. */
export type KeyAction =
  | { readonly do: 'close' }
  | { readonly do: 'fit' }
  | { readonly do: 'addresses' }
  | { readonly do: 'rates' }
  | { readonly do: 'zoom'; readonly factor: number }
  | { readonly do: 'pan'; readonly x: number; readonly y: number };

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

const PAN_STEP = 60;

/** The action for a key press, or undefined when the page leaves it to the browser (shortcuts, typing). */
export function keyAction(press: KeyPress, typing: boolean): KeyAction | undefined {
  if (press.ctrlKey || press.metaKey || press.altKey || typing) return undefined;
  switch (press.key) {
    case 'Escape':
      return { do: 'close' };
    case 'f':
      return { do: 'fit' };
    case 'a':
      return { do: 'addresses' };
    case 'r':
      return { do: 'rates' };
    case '+':
    case '=':
      return { do: 'zoom', factor: 1.25 };
    case '-':
    case '_':
      return { do: 'zoom', factor: 0.8 };
    case 'ArrowLeft':
      return { do: 'pan', x: PAN_STEP, y: 0 };
    case 'ArrowRight':
      return { do: 'pan', x: -PAN_STEP, y: 0 };
    case 'ArrowUp':
      return { do: 'pan', x: 0, y: PAN_STEP };
    case 'ArrowDown':
      return { do: 'pan', x: 0, y: -PAN_STEP };
    default:
      return undefined;
  }
}
