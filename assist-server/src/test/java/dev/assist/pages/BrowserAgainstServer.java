package dev.assist.pages;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real headless Chromium and the real server over a copy of the samples index, started once per
 * test class and stopped after it (test classes run one at a time).
 */
abstract class BrowserAgainstServer {
    @TempDir
    static Path dir;
    static PagesServer server;
    static Browser browser;

    @BeforeAll
    static void startBrowserAndServer() {
        browser = Browser.start();
        server = PagesServer.start(dir);
    }

    @AfterAll
    static void stopBrowserAndServer() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
