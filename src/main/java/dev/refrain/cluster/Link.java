package dev.refrain.cluster;

/**
 * One passage as the cluster stage sees it: a word range in each of two articles, and how alike
 * the two are.
 *
 * @param a article number of the first side
 * @param aFromWord first word of the passage in a (0-based)
 * @param aToWord end word in a (exclusive)
 * @param b article number of the second side (may equal a)
 * @param bFromWord first word in b
 * @param bToWord end word in b (exclusive)
 * @param similarity the passage's similarity, in [0, 1]
 */
public record Link(
    int a, int aFromWord, int aToWord, int b, int bFromWord, int bToWord, double similarity)
    implements java.io.Serializable {}
