package org.neurogym.core.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A jar file's size and modification time: when it changes, the file is being (re)written. */
record JarSignature(long size, long modified) {

    /** The signature now, or null when the file is gone. */
    static JarSignature of(Path jar) {
        try {
            BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
            return new JarSignature(a.size(), a.lastModifiedTime().toMillis() * 1_000_000L
                    + a.lastModifiedTime().toInstant().getNano() % 1_000_000);
        } catch (IOException e) {
            return null;
        }
    }
}
