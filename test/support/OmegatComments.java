import java.io.File;
import java.util.HashMap;
import java.util.List;
import org.omegat.core.Core;
import org.omegat.core.data.ProtectedPart;
import org.omegat.filters2.master.FilterMaster;
import org.omegat.filters2.FilterContext;
import org.omegat.filters2.IFilter;
import org.omegat.filters2.IParseCallback;
import org.omegat.filters3.xml.xliff.XLIFFFilter;
import org.omegat.util.Language;

/**
 * Runs OmegaT's own XLIFF filter (the one OmegaT uses for *.xlf) over the files given and prints,
 * one JSON object a line, each segment it hands to the project: the file, its id, the source as
 * OmegaT shows it (tags as shortcuts such as <x0/>, <g1>…</g1>), each tag's shortcut with the markup it
 * stands for in the file, and the comment, which is what
 * OmegaT's Comments pane shows for the segment.
 * Usage: java -cp OmegaT.jar:<dir> OmegatComments <source-lang> <target-lang> file.xlf…
 */
public class OmegatComments {
  public static void main(String[] args) throws Exception {
    // The defaults a new project has (the XML handler asks them which tags keep spaces).
    Core.setFilterMaster(new FilterMaster(FilterMaster.createDefaultFiltersConfig()));
    FilterContext context = new FilterContext(new Language(args[0]), new Language(args[1]), false);
    for (int i = 2; i < args.length; i++) {
      final String file = args[i];
      XLIFFFilter filter = new XLIFFFilter();
      HashMap<String, String> options = new HashMap<String, String>();
      // OmegaT's FilterMaster asks isFileSupported first; that is where the XLIFF dialect is set up.
      if (!filter.isFileSupported(new File(file), options, context)) throw new IllegalStateException("OmegaT's XLIFF filter does not take " + file);
      filter.parseFile(new File(file), options, context, new IParseCallback() {
        public void addEntry(String id, String source, String translation, boolean isFuzzy, String comment, String path, IFilter filter, List<ProtectedPart> protectedParts) {
          StringBuilder tags = new StringBuilder("[");
          if (protectedParts != null) {
            for (ProtectedPart p : protectedParts) {
              if (tags.length() > 1) tags.append(',');
              tags.append("{\"shortcut\":").append(json(p.getTextInSourceSegment()))
                  .append(",\"original\":").append(json(p.getDetailsFromSourceFile())).append('}');
            }
          }
          tags.append(']');
          System.out.println("{\"file\":" + json(file) + ",\"id\":" + json(id) + ",\"source\":" + json(source)
              + ",\"tags\":" + tags + ",\"comment\":" + json(comment) + "}");
        }
        public void addEntry(String id, String source, String translation, boolean isFuzzy, String comment, IFilter filter) {
          addEntry(id, source, translation, isFuzzy, comment, null, filter, null);
        }
        public void linkPrevNextSegments() {}
      });
    }
  }

  static String json(String s) {
    if (s == null) return "null";
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}
