package dev.assist.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The agent sidebar at {@code /agent} in a real headless Chromium against the real server: an agent
 * picks a ticket and gets three cited drafts and the relevant articles, internal ones marked; a
 * wrong key or a bot key gets a message saying what to do.
 */
class AgentSidebarBrowserTest extends BrowserAgainstServer {
    private List<String> expectedConsoleErrors = List.of();

    @BeforeEach
    void openTheSidebar() {
        browser.resize(1280, 1000);
        browser.open(server.url("/agent"));
        browser.script("sessionStorage.clear();");
        browser.open(server.url("/agent"));
        browser.waitFor(d -> d.findElements(By.cssSelector("#sample option")).size() > 1);
    }

    @AfterEach
    void noUnexpectedConsoleErrors() {
        List<String> errors = browser.consoleErrors();
        assertThat(errors).as("browser console errors").allSatisfy(error ->
                assertThat(expectedConsoleErrors).anySatisfy(expected -> assertThat(error).contains(expected)));
    }

    private static WebElement byId(String id) {
        return browser.driver().findElement(By.id(id));
    }

    private static void pickTicket(String id) {
        new Select(byId("sample")).selectByValue(id);
    }

    private static void useKey(String key) {
        byId("agent-key").clear();
        byId("agent-key").sendKeys(key);
    }

    /** Clicks "Suggest replies" and waits until the request is over. */
    private static void suggest() {
        byId("suggest").click();
        browser.waitFor(d -> d.findElement(By.tagName("body")).getAttribute("aria-busy") == null
                && d.findElement(By.id("suggest")).isEnabled());
    }

    @Test
    void onThisMachineTheDemoAgentKeyIsFilledIn() {
        browser.waitFor(d -> !byId("agent-key").getAttribute("value").isEmpty());
        assertThat(byId("agent-key").getAttribute("value")).isEqualTo(PagesServer.AGENT);
        assertThat(byId("agent-key").getAttribute("type")).isEqualTo("password");
    }

    @Test
    void anAgentKeyGetsThreeCitedDraftsAndInternalArticlesMarked() {
        useKey(PagesServer.AGENT);
        pickTicket("T-1042");
        assertThat(byId("subject").getAttribute("value")).isEqualTo("Charged twice this month");

        suggest();

        assertThat(byId("problem").isDisplayed()).isFalse();
        List<WebElement> drafts = browser.driver().findElements(By.cssSelector(".draft"));
        assertThat(drafts).hasSize(3);
        assertThat(drafts).extracting(d -> d.getAttribute("data-kind")).containsExactly("concise", "step_by_step", "empathetic");
        for (WebElement draft : drafts) {
            assertThat(draft.findElements(By.cssSelector(".sources a"))).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.getAttribute("href")).startsWith("https://help.lumora.example/"));
            assertThat(draft.findElements(By.cssSelector(".draft-text a.cite"))).isNotEmpty();
        }
        List<WebElement> internal = browser.driver().findElements(By.cssSelector(".article.internal"));
        assertThat(internal).isNotEmpty();
        assertThat(internal).allSatisfy(article -> {
            assertThat(article.getAttribute("data-article-id")).startsWith("internal-");
            assertThat(article.findElement(By.cssSelector(".badge.internal")).getText()).isEqualToIgnoringCase("Internal");
        });
        assertThat(browser.driver().findElements(By.cssSelector(".article:not(.internal)"))).isNotEmpty()
                .allSatisfy(article -> assertThat(article.getAttribute("data-article-id")).doesNotStartWith("internal-"));
        assertThat(byId("notes-panel").isDisplayed()).isTrue();
        // The server triages the ticket: the panel shows the intent and the team it routes to.
        assertThat(byId("triage").getText()).contains("Intent").contains("Routing").doesNotContain("Triage not available");
        browser.fullPageScreenshot("agent");
    }

    @Test
    void insertPutsTheDraftIntoTheReplyWithoutTheSourceMarkers() {
        browser.allowClipboard();
        useKey(PagesServer.AGENT);
        pickTicket("T-1044");
        suggest();

        WebElement first = browser.driver().findElements(By.cssSelector(".draft")).getFirst();
        first.findElement(By.cssSelector("button.insert")).click();

        String reply = browser.waitFor(d -> {
            String value = byId("reply").getAttribute("value");
            return value.isEmpty() ? null : value;
        });
        assertThat(reply).startsWith("Bonjour").doesNotContainPattern("\\[\\d+\\]");
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(byId("reply"));
        assertThat(byId("status").getText()).startsWith("Inserted into your reply");
    }

    @Test
    void ticketsInSeveralLanguagesGetDraftsInTheirLanguage() {
        useKey(PagesServer.AGENT);
        pickTicket("T-1045");
        suggest();

        assertThat(browser.driver().findElements(By.cssSelector(".draft"))).hasSize(3);
        assertThat(byId("status").getText()).contains("(es)");
        assertThat(browser.driver().findElements(By.cssSelector(".draft")).getFirst().getText()).startsWith("CONCISE\nInsert\nHola");
    }

    @Test
    void aBotKeyIsRefusedWithAMessageSayingAnAgentKeyIsNeeded() {
        expectedConsoleErrors = List.of("/v1/suggestions - Failed to load resource: the server responded with a status of 403");
        useKey(PagesServer.BOT);
        pickTicket("T-1042");

        suggest();

        WebElement problem = byId("problem");
        assertThat(problem.isDisplayed()).isTrue();
        assertThat(problem.getAttribute("role")).isEqualTo("alert");
        assertThat(problem.getText()).contains("not an agent key").contains("scope agent").contains("scope bot");
        assertThat(browser.driver().findElements(By.cssSelector(".draft"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector(".article"))).isEmpty();
        browser.screenshot("agent-bot-key-refused");
    }

    @Test
    void aWrongKeyIsRefusedWithAMessageSayingSo() {
        expectedConsoleErrors = List.of("/v1/suggestions - Failed to load resource: the server responded with a status of 401");
        useKey("not-a-real-key");
        pickTicket("T-1043");

        suggest();

        assertThat(byId("problem").getText()).contains("That key is not valid");
        assertThat(browser.driver().findElements(By.cssSelector(".draft"))).isEmpty();
    }

    @Test
    void aPastedTicketWorksToo() {
        useKey(PagesServer.AGENT);
        byId("subject").sendKeys("Invoices");
        byId("message").sendKeys("Where can I find the PDF invoices for last year?");

        suggest();

        assertThat(browser.driver().findElements(By.cssSelector(".draft"))).hasSize(3);
        assertThat(browser.driver().findElements(By.cssSelector(".article a")))
                .extracting(a -> a.getAttribute("href")).contains("https://help.lumora.example/en/articles/billing-download-invoices");
    }

    @Test
    void theTriagePanelShowsTriageWhenTheServerSendsIt() {
        browser.script("""
                window.AssistAgent.renderTriage({
                  language: {language: 'de', confidence: 0.97, evidence: 'text'},
                  intent: 'sms_reminders_missing',
                  intents: [{intent: 'sms_reminders_missing', score: 0.81}, {intent: 'billing_question', score: 0.07}],
                  sentiment: {label: 'negative', confidence: 0.9, score: -0.8},
                  signals: ['churn_risk'],
                  evidence: [{signal: 'churn_risk', message_index: 0, evidence: 'kostet mich Geld'}],
                  priority: 'high',
                  routing: {team: 'tier2-de', priority: 'high', candidates: [{agent_id: 'anna'}], reasons: ['speaks de', 'known incident']}
                });""");

        String triage = byId("triage").getText().toLowerCase(java.util.Locale.ROOT);
        assertThat(triage).contains("language").contains("de · 97%")
                .contains("sms reminders missing").contains("negative").contains("churn risk").contains("kostet mich geld")
                .contains("tier2-de → anna").contains("known incident").doesNotContain("not available");
    }
}
