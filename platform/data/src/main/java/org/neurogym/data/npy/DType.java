package org.neurogym.data.npy;

/** The element types the writer and reader know, with their numpy {@code descr} (little-endian). */
public enum DType {
    FLOAT32("<f4", 4),
    FLOAT64("<f8", 8),
    INT64("<i8", 8),
    INT32("<i4", 4),
    INT16("<i2", 2),
    INT8("|i1", 1),
    UINT8("|u1", 1),
    BOOL("|b1", 1);

    private final String descr;
    private final int size;

    DType(String descr, int size) {
        this.descr = descr;
        this.size = size;
    }

    /** The numpy type string, e.g. {@code <f4}. */
    public String descr() {
        return descr;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    /** The type of a numpy {@code descr}; {@code =} and {@code <} mean little-endian here. */
    public static DType of(String descr) {
        String d = descr;
        if (d.startsWith("=")) d = "<" + d.substring(1);
        if (d.equals("<b1") || d.equals("=b1")) d = "|b1";
        if (d.equals("<i1")) d = "|i1";
        if (d.equals("<u1")) d = "|u1";
        for (DType t : values()) if (t.descr.equals(d)) return t;
        throw new IllegalArgumentException("unsupported numpy dtype '" + descr + "' (supported: float32, float64, int64, int32, int16, "
                + "int8, uint8, bool, little-endian)");
    }
}
