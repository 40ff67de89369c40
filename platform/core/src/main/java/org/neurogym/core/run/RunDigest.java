package org.neurogym.core.run;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over every observation, action and reward of a run, in order, so two runs can be
 * compared at a glance. Values are hashed as little-endian IEEE bits: the digest is the same on
 * every machine.
 */
public final class RunDigest {
    private final MessageDigest sha;
    private final ByteBuffer buffer = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);

    public RunDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public void observation(float[] ob) {
        for (float v : ob) {
            room(4);
            buffer.putFloat(v);
        }
    }

    public void action(int a) {
        room(4);
        buffer.putInt(a);
    }

    public void action(float[] a) {
        observation(a);
    }

    public void reward(double r) {
        room(8);
        buffer.putDouble(r);
    }

    private void room(int n) {
        if (buffer.remaining() < n) flush();
    }

    private void flush() {
        buffer.flip();
        sha.update(buffer);
        buffer.clear();
    }

    /** The hex digest; the digest cannot be extended afterwards. */
    public String hex() {
        flush();
        return HexFormat.of().formatHex(sha.digest());
    }
}
