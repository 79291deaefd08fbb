package org.polygrok.plotting.report;

/** HTML escaping and the report's inline style sheet and image check. */
public final class Html {

    public static final String CSS = """
            body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 24px auto; max-width: 1900px; color: #222; padding: 0 16px; }
            h1 { font-size: 24px; } h2 { font-size: 20px; border-bottom: 2px solid #ccc; padding-bottom: 4px; margin-top: 40px; }
            h3 { font-size: 16px; margin-top: 24px; } h4 { font-size: 14px; margin: 8px 0; }
            table { border-collapse: collapse; font-size: 13px; margin: 4px 0 12px 0; }
            th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; white-space: nowrap; }
            th { background: #f2f2f2; } td.key, th.key { text-align: left; }
            table.config td { text-align: left; white-space: normal; max-width: 900px; }
            .side-by-side { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
            .scroll { overflow-x: auto; max-width: 100%; }
            td.differs { background: #ffe8a3; } sup.differs { color: #b35900; font-weight: bold; }
            .note { color: #555; font-size: 13px; } .failed { color: #b00020; }
            .figures { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: flex-start; }
            figure { margin: 12px 0 24px 0; max-width: 100%; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { font-size: 12px; color: #555; }
            nav ul { columns: 2; font-size: 14px; }
            """;

    /** Writes into #image-check how many images decoded; the report test reads it from headless Chromium. */
    public static final String IMAGE_CHECK = """
            <p id="image-check" class="note"></p>
            <script>
            window.addEventListener('load', function () {
              var images = Array.prototype.slice.call(document.images);
              var loaded = images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
              var p = document.getElementById('image-check');
              p.setAttribute('data-images', images.length);
              p.setAttribute('data-loaded', loaded);
              p.setAttribute('data-broken', images.length - loaded);
              p.textContent = loaded + ' of ' + images.length + ' figures loaded.';
            });
            </script>
            """;

    private Html() {
    }

    public static String esc(Object o) {
        String s = String.valueOf(o);
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** An id usable in a URL fragment. */
    public static String anchor(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]+", "-");
    }
}
