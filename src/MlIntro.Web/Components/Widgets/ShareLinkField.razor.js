// Copies a read-only field's text. The clipboard API exists only in secure contexts (https, localhost); a classroom
// server on plain http://<ip> has none, so the field is selected and the older execCommand('copy') does it. If that
// fails too, the text stays selected for Ctrl+C. Returns 'copied' or 'selected'.
export async function copyField(field) {
  const text = field.value;
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      field.select();
      return 'copied';
    } catch {
      // permission refused or the document lost focus: try the old way
    }
  }
  field.focus();
  field.setSelectionRange(0, text.length);
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  field.focus();
  field.setSelectionRange(0, text.length);
  return copied ? 'copied' : 'selected';
}
