package dev.assist.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The chat widget on the demo help-center page, in a real headless Chromium against the real
 * server over the samples index: what a customer sees, types and clicks.
 */
class WidgetBrowserTest extends BrowserAgainstServer {
    private static final String INVOICES = "How do I download my invoices?";
    private static final String INVOICES_ARTICLE = "https://help.lumora.example/en/articles/billing-download-invoices";
    private static final String WEATHER = "what's the weather in Paris this weekend?";

    @BeforeEach
    void openTheDemoPage() {
        browser.resize(1280, 900);
        browser.open(server.url("/"));
        browser.waitFor(d -> d.findElement(By.cssSelector(".assist-launcher")));
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    private static WebElement launcher() {
        return browser.driver().findElement(By.cssSelector(".assist-launcher"));
    }

    private static WebElement input() {
        return browser.driver().findElement(By.cssSelector(".assist-input"));
    }

    /** Opens the chat if needed, types a question, sends it with Enter and waits for the whole answer. */
    private static WebElement ask(String question) {
        if (!launcher().getAttribute("aria-expanded").equals("true")) {
            launcher().click();
        }
        int before = answers().size();
        input().sendKeys(question);
        input().sendKeys(Keys.ENTER);
        return browser.waitFor(d -> {
            List<WebElement> answers = answers();
            if (answers.size() <= before) {
                return null;
            }
            WebElement last = answers.getLast();
            return "false".equals(last.getAttribute("aria-busy")) ? last : null;
        });
    }

    /** Answers to questions: assistant messages that came from the API (they carry an answer id or an error). */
    private static List<WebElement> answers() {
        return browser.driver().findElements(By.cssSelector(".assist-msg-assistant[aria-busy]"));
    }

    private static List<String> links(WebElement scope) {
        List<String> hrefs = new ArrayList<>();
        for (WebElement link : scope.findElements(By.tagName("a"))) {
            hrefs.add(link.getAttribute("href"));
        }
        return hrefs;
    }

    @Test
    void aQuestionStreamsAnAnswerWithCitationsLinkingToTheArticle() {
        WebElement answer = ask(INVOICES);

        assertThat(answer.getAttribute("class")).doesNotContain("assist-msg-error");
        assertThat(Integer.parseInt(answer.getAttribute("data-deltas"))).as("delta events rendered").isGreaterThan(1);
        assertThat(answer.getAttribute("data-answer-id")).isNotBlank();
        assertThat(answer.findElement(By.cssSelector(".assist-text")).getText()).containsIgnoringCase("invoice");
        List<WebElement> markers = answer.findElements(By.cssSelector(".assist-text a.assist-cite"));
        assertThat(markers).isNotEmpty();
        assertThat(links(answer.findElement(By.cssSelector(".assist-sources")))).contains(INVOICES_ARTICLE);
        assertThat(markers).extracting(m -> m.getAttribute("href")).contains(INVOICES_ARTICLE);
        assertThat(answer.findElements(By.cssSelector(".assist-thumb"))).hasSize(2);
        assertThat(browser.driver().findElement(By.cssSelector(".assist-actions .assist-handoff")).getAttribute("class"))
                .doesNotContain("assist-recommended");
        browser.screenshot("widget");
    }

    @Test
    void theConversationSoFarGoesWithTheNextQuestion() {
        String first = "Can I get a refund for my annual plan?";
        String followUp = "How long until the money is back on my card?";
        ask(first);
        browser.script("""
                const original = window.fetch;
                window.__assistBodies = [];
                window.fetch = (url, init) => {
                  if (String(url).endsWith('/v1/answer/stream')) { window.__assistBodies.push(init.body); }
                  return original(url, init);
                };""");

        WebElement answer = ask(followUp);

        JsonNode sent = readJson((String) browser.script("return window.__assistBodies[0];"));
        assertThat(sent.get("question").asText()).isEqualTo(followUp);
        assertThat(sent.get("history")).hasSize(2);
        assertThat(sent.get("history").get(0).get("role").asText()).isEqualTo("customer");
        assertThat(sent.get("history").get(0).get("text").asText()).isEqualTo(first);
        assertThat(sent.get("history").get(1).get("role").asText()).isEqualTo("assistant");
        assertThat(sent.get("history").get(1).get("text").asText()).isNotBlank();
        assertThat(answer.getAttribute("class")).doesNotContain("assist-msg-error");
        browser.screenshot("widget-conversation");
    }

    @Test
    void anUnanswerableQuestionOffersAPersonAndTheHandOffReachesThePage() {
        WebElement answer = ask(WEATHER);

        assertThat(answer.getAttribute("class")).contains("assist-msg-handoff");
        assertThat(answer.findElement(By.cssSelector(".assist-handoff-note")).getText()).contains("person");
        WebElement standing = browser.driver().findElement(By.cssSelector(".assist-actions .assist-handoff"));
        assertThat(standing.getAttribute("class")).contains("assist-recommended");
        browser.screenshot("widget-handoff");

        answer.findElement(By.cssSelector(".assist-handoff-inline")).click();

        WebElement received = browser.waitFor(d -> {
            WebElement note = d.findElement(By.id("handoff-received"));
            return note.isDisplayed() ? note : null;
        });
        assertThat(received.getText()).contains("(1 message)");
        List<WebElement> messages = browser.driver().findElements(By.cssSelector(".assist-msg-handoff"));
        assertThat(messages.getLast().findElement(By.cssSelector(".assist-handoff-link")).getAttribute("href"))
                .endsWith("#contact");
    }

    @Test
    void talkingToAPersonIsAvailableBeforeAnyQuestion() {
        launcher().click();
        WebElement handoff = browser.driver().findElement(By.cssSelector(".assist-actions .assist-handoff"));
        assertThat(handoff.isDisplayed()).isTrue();

        handoff.click();

        browser.waitFor(d -> d.findElement(By.id("handoff-received")).isDisplayed());
    }

    @Test
    void aBotKeyWidgetNeverShowsInternalContent() {
        List<String> internalQuestions = List.of("How much can a tier 1 agent refund without approval?",
                "Are SMS reminders to German numbers delayed right now?");
        for (String question : internalQuestions) {
            JsonNode agentView = server.answer(PagesServer.AGENT, question);
            assertThat(agentView.get("citations").toString()).as("the agent channel does see internal articles")
                    .contains("\"internal-");

            ask(question);
        }

        WebElement log = browser.driver().findElement(By.cssSelector(".assist-log"));
        assertThat(links(log)).isNotEmpty().allSatisfy(href -> assertThat(href).doesNotContain("/internal"));
        assertThat(log.findElements(By.cssSelector("[data-article-id^='internal-']"))).isEmpty();
        String text = log.getText();
        assertThat(text).doesNotContain("INC-2291").doesNotContain("Tier 1").doesNotContain("EUR 100");
    }

    @Test
    void thumbsUpAndThumbsDownWithACommentAreRecorded() {
        WebElement first = ask(INVOICES);
        String firstId = first.getAttribute("data-answer-id");
        first.findElement(By.cssSelector(".assist-thumb[data-rating='up']")).click();
        browser.waitFor(d -> first.findElement(By.cssSelector(".assist-feedback-status")).getText().contains("Thanks"));

        WebElement second = ask("How do I turn on two-factor authentication?");
        String secondId = second.getAttribute("data-answer-id");
        second.findElement(By.cssSelector(".assist-thumb[data-rating='down']")).click();
        WebElement comment = browser.waitFor(d -> d.findElement(By.cssSelector(".assist-comment")));
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(comment);
        comment.sendKeys("I use SMS codes, not an app");
        browser.driver().findElement(By.cssSelector(".assist-comment-form button")).click();
        browser.waitFor(d -> second.findElement(By.cssSelector(".assist-feedback-status")).getText().contains("Thanks"));

        List<JsonNode> lines = server.feedback();
        JsonNode up = lines.stream().filter(l -> l.get("answer_id").asText().equals(firstId)).findFirst().orElseThrow();
        JsonNode down = lines.stream().filter(l -> l.get("answer_id").asText().equals(secondId)).findFirst().orElseThrow();
        assertThat(up.get("rating").asText()).isEqualTo("up");
        assertThat(up.get("tenant").asText()).isEqualTo("lumora");
        assertThat(up.get("channel").asText()).isEqualTo("bot");
        assertThat(down.get("rating").asText()).isEqualTo("down");
        assertThat(down.get("comment").asText()).isEqualTo("I use SMS codes, not an app");
        assertThat(first.findElement(By.cssSelector(".assist-thumb[data-rating='up']")).getAttribute("aria-pressed"))
                .isEqualTo("true");
    }

    @Test
    void theWidgetWorksFromTheKeyboardAndIsLabelledForScreenReaders() {
        WebElement launcher = launcher();
        assertThat(launcher.getAttribute("aria-label")).isEqualTo("Chat with us");
        assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");
        launcher.sendKeys(Keys.ENTER);

        assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("true");
        WebElement panel = browser.driver().findElement(By.id(launcher.getAttribute("aria-controls")));
        assertThat(panel.getAttribute("role")).isEqualTo("dialog");
        assertThat(panel.getAttribute("aria-labelledby")).isNotBlank();
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(input());
        WebElement log = browser.driver().findElement(By.cssSelector(".assist-log"));
        assertThat(log.getAttribute("role")).isEqualTo("log");
        assertThat(log.getAttribute("aria-live")).isEqualTo("polite");
        String inputId = input().getAttribute("id");
        assertThat(browser.driver().findElement(By.cssSelector("label[for='" + inputId + "']")).getAttribute("textContent"))
                .isEqualTo("Your question");
        for (WebElement button : panel.findElements(By.tagName("button"))) {
            String name = button.getAttribute("aria-label") != null ? button.getAttribute("aria-label") : button.getText();
            assertThat(name).as("every button has an accessible name").isNotBlank();
        }

        input().sendKeys(Keys.ESCAPE);

        assertThat(panel.isDisplayed()).isFalse();
        assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(launcher);
    }

    @Test
    void theInterfaceSpeaksThePagesLanguage() {
        browser.open(server.url("/?lang=de"));
        WebElement launcher = browser.waitFor(d -> d.findElement(By.cssSelector(".assist-launcher")));

        assertThat(launcher.getAttribute("aria-label")).isEqualTo("Chat öffnen");
        launcher.click();
        assertThat(input().getAttribute("placeholder")).isEqualTo("Stellen Sie eine Frage…");
        assertThat(browser.driver().findElement(By.cssSelector(".assist-actions .assist-handoff")).getText())
                .isEqualTo("Mit einem Menschen sprechen");
        WebElement answer = ask("Wie lade ich meine Rechnungen herunter?");
        assertThat(answer.findElement(By.cssSelector(".assist-feedback-question")).getText())
                .isEqualTo("War diese Antwort hilfreich?");
        for (String locale : List.of("fr", "es")) {
            browser.open(server.url("/?lang=" + locale));
            String label = browser.waitFor(d -> d.findElement(By.cssSelector(".assist-launcher"))).getAttribute("aria-label");
            assertThat(label).isEqualTo(locale.equals("fr") ? "Ouvrir le chat" : "Abrir el chat");
        }
    }

    @Test
    void onAPhoneTheOpenChatFillsTheScreen() {
        browser.resize(390, 844);
        launcher().click();
        ask(INVOICES);

        WebElement panel = browser.driver().findElement(By.cssSelector(".assist-panel"));
        long viewport = ((Number) browser.script("return document.documentElement.clientWidth;")).longValue();
        assertThat((long) panel.getRect().getWidth()).isBetween(viewport - 1, viewport + 20);
        assertThat(panel.getRect().getX()).isZero();
        assertThat(input().isDisplayed()).isTrue();
        browser.screenshot("widget-phone");
    }

    @Test
    void embeddedOnAnotherSiteInARightToLeftLanguage() throws IOException {
        String page = """
                <!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>متجر</title>
                <link rel="icon" href="data:,"></head><body><h1>مرحبا بكم في متجرنا</h1>
                <script src="%s" data-server="%s" data-key="%s" data-locale="ar"></script></body></html>"""
                .formatted(server.url("/widget.js"), server.url(""), PagesServer.BOT);
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        site.start();
        try {
            browser.open("http://127.0.0.1:" + site.getAddress().getPort() + "/");
            WebElement launcher = browser.waitFor(d -> d.findElement(By.cssSelector(".assist-launcher")));
            WebElement root = browser.driver().findElement(By.cssSelector(".assist-widget"));
            assertThat(root.getAttribute("dir")).isEqualTo("rtl");
            assertThat(launcher.getRect().getX()).as("the launcher sits at the left in right-to-left pages").isLessThan(200);

            WebElement answer = ask(INVOICES);
            assertThat(links(answer)).contains(INVOICES_ARTICLE);
            ask("كيف أقوم بتنزيل فواتيري؟");
            List<WebElement> asked = browser.driver().findElements(By.cssSelector(".assist-msg-customer p"));
            assertThat(browser.script("return getComputedStyle(arguments[0]).direction;", asked.getLast())).isEqualTo("rtl");
            assertThat(browser.script("return getComputedStyle(arguments[0]).direction;", asked.getFirst())).isEqualTo("ltr");
            browser.screenshot("widget-rtl");
        } finally {
            site.stop(0);
        }
    }

    private static JsonNode readJson(String body) {
        try {
            return PagesServer.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
