package dev.refrain.kernel;

import dev.refrain.align.Passage;
import dev.refrain.diff.Edit;
import java.util.List;

/**
 * A passage two articles share, with its variant diff.
 *
 * @param passage where it is in each article
 * @param similarity share of words the sides have in common by the variant diff, in [0, 1]
 * @param cluster index of the cluster it belongs to in its result, or -1
 * @param diff word-level edits from the a side to the b side
 */
public record SharedPassage(Passage passage, double similarity, int cluster, List<Edit> diff)
    implements java.io.Serializable {

  public boolean verbatim() {
    return diff.stream().allMatch(e -> e.kind() == Edit.Kind.EQUAL);
  }
}
