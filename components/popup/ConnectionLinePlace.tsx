/**
 * The account line's place while it is being read (its chunk and the background's answer come a few
 * frames after the popup's first screen): kept from that first screen on, so the template list does
 * not move down under the pointer when the line comes. One line, as the account line is when the key
 * works; a notice in its place (no key, a failed test) is taller and still moves the list.
 */
export function ConnectionLinePlace() {
  return (
    <p class="connection-line" aria-hidden="true">
      {'\u00a0'}
    </p>
  );
}
