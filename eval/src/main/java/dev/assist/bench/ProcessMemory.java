package dev.assist.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads this process's resident memory from /proc (Linux); -1 elsewhere. */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Peak resident set size in MiB (VmHWM). */
    public static double peakRssMiB() {
        return statusKiB("VmHWM:") / 1024.0;
    }

    private static long statusKiB(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
