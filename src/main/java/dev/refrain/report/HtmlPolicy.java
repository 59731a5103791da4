package dev.refrain.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The HTML report's Content-Security-Policy: nothing may load or run but the page's own inline
 * style sheet and script, each allowed by the SHA-256 hash of its exact text, computed when the
 * page is written. An article can never bring markup into the page (all its text is escaped);
 * should an escaping bug ever let some through, the browser still runs no script, applies no
 * style, loads no image, font or frame, submits no form and sets no base URL that the page did
 * not carry itself.
 */
final class HtmlPolicy {
  private HtmlPolicy() {}

  /** The policy for a page whose only {@code <style>} and {@code <script>} hold these texts. */
  static String contentSecurityPolicy(String style, String script) {
    return "default-src 'none'; style-src '" + sha256(style) + "'; script-src '" + sha256(script)
        + "'; img-src 'none'; base-uri 'none'; form-action 'none'";
  }

  /** {@code sha256-<base64>} of the UTF-8 bytes of {@code text}, as CSP hash sources are. */
  static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
