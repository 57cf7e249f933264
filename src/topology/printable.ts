/**
 * Text a node chose (an interface name, a process name from /proc), made
 * safe to print on root's terminal: C0 and C1 control characters and DEL
 * as \xNN, so a name cannot move the cursor, clear the screen or set colours.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
