package dev.assist.bench;

import dev.assist.routing.AgentRegistry;
import dev.assist.routing.AgentStatus;
import dev.assist.routing.CustomerTier;
import dev.assist.routing.RouteCandidate;
import dev.assist.routing.RouteRequest;
import dev.assist.routing.Router;
import dev.assist.routing.RoutingConfig;
import dev.assist.triage.Priority;
import dev.assist.triage.learn.LabeledText;
import dev.assist.triage.learn.LabeledTextReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code assist bench routing}: a simulated working day of chats routed by {@link Router} (skill- and
 * language-based, with widening after a wait) against plain round-robin over agents with room.
 * Intents follow Banking77's real label frequencies (mapped to five teams), languages follow the
 * article mix of knowledge-samples/ (en 59%, de/fr/es 13.6% each); 5% of customers are premium.
 * A wrong-skill chat takes 1.5x as long (a transfer), a wrong-language one 2x; customers abandon
 * after an exponentially distributed patience. Same arrivals, same agents, same seed for both.
 */
@Command(name = "routing", mixinStandardHelpOptions = true,
        description = "Skill-based routing vs round-robin in a simulated day: waits, right-skill share, abandonment.")
public final class RoutingBenchmark implements Callable<Integer> {
    @Option(names = "--conversations", defaultValue = "1000", description = "Chats in the 8-hour day (default: ${DEFAULT-VALUE}).")
    int conversations;

    @Option(names = "--wait-for-skill", defaultValue = "240",
            description = "Seconds a chat waits for an agent with skill and language before the search widens (default: ${DEFAULT-VALUE}).")
    int waitForSkill;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--intents", description = "Labelled JSONL whose label frequencies give the intent mix (default: banking77 train in ../shared/datasets).")
    Path intents;

    private static final double DAY = 8 * 3600;
    private static final double MEAN_HANDLE = 600;
    private static final double MEAN_PATIENCE = 900;
    private static final String[] LANGUAGES = {"en", "de", "fr", "es"};
    private static final double[] LANGUAGE_SHARE = {0.59, 0.136, 0.137, 0.137};

    record Chat(int id, double arrival, String intent, String team, String language, double handle, double patience,
                boolean premium) {
    }

    record AgentSpec(String id, Set<String> languages, Set<String> teams, int capacity) {
    }

    record Outcome(String policy, double[] waits, int abandoned, int handled, int rightSkillAndLanguage, int rightLanguage) {
    }

    @Override
    public Integer call() {
        Path source = intents != null ? intents : Path.of(System.getProperty("assist.home", "."), "..", "shared", "datasets",
                "banking77", "train.jsonl").normalize();
        List<String> mix = LabeledTextReader.read(source).stream().map(LabeledText::label).toList();
        Random random = new Random(seed);
        List<Chat> chats = arrivals(mix, random);
        List<AgentSpec> agents = agents();
        RoutingConfig config = new RoutingConfig(teamMap(mix), "account", waitForSkill);
        System.out.printf(Locale.ROOT, "day of %d chats (intent mix of %s, %d labels -> %d teams), %d agents, %d slots; seed %d%n",
                chats.size(), source.getFileName(), new java.util.TreeSet<>(mix).size(),
                new java.util.TreeSet<>(config.intentTeams().values()).size(), agents.size(),
                agents.stream().mapToInt(AgentSpec::capacity).sum(), seed);
        System.out.printf(Locale.ROOT, "skill-based waits up to %d s for skill and language, then %d s for language%n",
                waitForSkill, waitForSkill);
        Outcome roundRobin = simulate("round-robin", chats, agents, config, false);
        Outcome skill = simulate("skill-based", chats, agents, config, true);
        System.out.println("policy       handled  abandoned  wait p50  wait p95  right skill+language  right language");
        for (Outcome o : List.of(roundRobin, skill)) {
            System.out.printf(Locale.ROOT, "%-12s %7d  %8.1f%%  %7.0f s  %7.0f s  %19.1f%%  %13.1f%%%n", o.policy(), o.handled(),
                    100.0 * o.abandoned() / chats.size(), percentile(o.waits(), 0.50), percentile(o.waits(), 0.95),
                    100.0 * o.rightSkillAndLanguage() / o.handled(), 100.0 * o.rightLanguage() / o.handled());
        }
        boolean skillGoal = (double) skill.rightSkillAndLanguage() / skill.handled() >= 0.95;
        boolean waitGoal = percentile(skill.waits(), 0.95) <= percentile(roundRobin.waits(), 0.95);
        System.out.printf(Locale.ROOT, "goal right-skill share >= 95%%: %s; p95 wait no worse than round-robin: %s%n",
                skillGoal ? "met" : "NOT met", waitGoal ? "met" : "NOT met");
        return 0;
    }

    private List<Chat> arrivals(List<String> mix, Random random) {
        // Non-homogeneous Poisson by thinning: the rate peaks late morning and mid-afternoon.
        double peak = conversations / DAY / (0.6 + 0.4 * 2 / Math.PI); // mean acceptance of the thinning below
        List<Chat> chats = new ArrayList<>();
        double t = 0;
        Map<String, String> teams = teamMap(mix);
        while (true) {
            t += -Math.log(1 - random.nextDouble()) / peak;
            if (t >= DAY) {
                break;
            }
            double shape = 0.6 + 0.4 * Math.abs(Math.sin(2 * Math.PI * t / DAY));
            if (random.nextDouble() > shape) {
                continue;
            }
            String intent = mix.get(random.nextInt(mix.size()));
            String language = LANGUAGES[pick(LANGUAGE_SHARE, random.nextDouble())];
            double handle = MEAN_HANDLE * Math.exp(0.5 * random.nextGaussian() - 0.125);
            double patience = -Math.log(1 - random.nextDouble()) * MEAN_PATIENCE;
            chats.add(new Chat(chats.size(), t, intent, teams.get(intent), language, handle, patience, random.nextDouble() < 0.05));
        }
        return chats;
    }

    private static int pick(double[] shares, double u) {
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            if (u < sum) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /** Banking77 intents grouped by what a bank's support teams own. */
    static Map<String, String> teamMap(List<String> labels) {
        Map<String, String> map = new HashMap<>();
        for (String label : labels) {
            String team = label.contains("card") || label.contains("pin") || label.contains("atm") || label.contains("contactless")
                    ? "cards"
                    : label.contains("transfer") || label.contains("beneficiary") || label.contains("direct_debit") ? "payments"
                    : label.contains("top_up") ? "topups"
                    : label.contains("exchange") || label.contains("currenc") || label.contains("fiat") || label.contains("cash")
                    ? "fx_cash" : "account";
            map.put(label, team);
        }
        return map;
    }

    /** 20 agents, capacity 2: everyone speaks English; a few speak German, French or Spanish; each owns one or two teams. */
    static List<AgentSpec> agents() {
        String[] teams = {"cards", "payments", "topups", "fx_cash", "account"};
        List<AgentSpec> agents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            java.util.Set<String> languages = new java.util.TreeSet<>(List.of("en"));
            if (i % 4 == 1) {
                languages.add("de");
            }
            if (i % 4 == 2) {
                languages.add("fr");
            }
            if (i % 4 == 3) {
                languages.add("es");
            }
            if (i % 10 == 0) {
                languages.add("de");
                languages.add("fr");
                languages.add("es");
            }
            Set<String> skills = i % 3 == 0 ? Set.of(teams[i % 5], teams[(i + 2) % 5]) : Set.of(teams[i % 5]);
            agents.add(new AgentSpec("agent-" + i, Set.copyOf(languages), skills, 2));
        }
        return agents;
    }

    private Outcome simulate(String policy, List<Chat> chats, List<AgentSpec> specs, RoutingConfig config, boolean skillBased) {
        SimulatedClock clock = new SimulatedClock();
        AgentRegistry registry = new AgentRegistry(clock, Duration.ofDays(2), 1000);
        Map<String, Integer> open = new LinkedHashMap<>();
        Map<String, AgentSpec> byId = new HashMap<>();
        for (AgentSpec spec : specs) {
            registry.put("bench", spec.id(), AgentStatus.ONLINE, spec.languages(), spec.teams(), 0, spec.capacity());
            open.put(spec.id(), 0);
            byId.put(spec.id(), spec);
        }
        Router router = new Router(config, registry);
        // Events: [time, kind (0 finish, 1 arrival, 2 tick), payload]
        PriorityQueue<double[]> events = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        for (Chat chat : chats) {
            events.add(new double[] {chat.arrival(), 1, chat.id()});
        }
        for (double t = 10; t < DAY + 4 * 3600; t += 10) {
            events.add(new double[] {t, 2, -1});
        }
        List<Chat> queue = new ArrayList<>();
        Map<Integer, String> finishing = new HashMap<>();
        List<Double> waits = new ArrayList<>();
        int abandoned = 0;
        int rightBoth = 0;
        int rightLanguage = 0;
        int cursor = 0;
        List<String> ids = new ArrayList<>(open.keySet());
        while (!events.isEmpty()) {
            double[] event = events.poll();
            double now = event[0];
            clock.now = Instant.EPOCH.plusMillis((long) (now * 1000));
            if (event[1] == 0) {
                String agent = finishing.remove((int) event[2]);
                open.merge(agent, -1, Integer::sum);
                AgentSpec spec = byId.get(agent);
                registry.put("bench", agent, AgentStatus.ONLINE, spec.languages(), spec.teams(), open.get(agent), spec.capacity());
            } else if (event[1] == 1) {
                queue.add(chats.get((int) event[2]));
            }
            // Abandonment, then dispatch in priority order (premium first), oldest first.
            for (var it = queue.iterator(); it.hasNext(); ) {
                Chat chat = it.next();
                if (now - chat.arrival() > chat.patience()) {
                    it.remove();
                    abandoned++;
                }
            }
            queue.sort((a, b) -> a.premium() != b.premium() ? (a.premium() ? -1 : 1) : Double.compare(a.arrival(), b.arrival()));
            for (var it = queue.iterator(); it.hasNext(); ) {
                Chat chat = it.next();
                Optional<String> agent;
                if (skillBased) {
                    RouteRequest request = new RouteRequest("bench", chat.intent(), chat.language(),
                            chat.premium() ? Priority.HIGH : Priority.NORMAL, CustomerTier.STANDARD,
                            Duration.ofMillis((long) ((now - chat.arrival()) * 1000)));
                    agent = router.route(request).best().map(RouteCandidate::agentId);
                } else {
                    agent = Optional.empty();
                    for (int k = 0; k < ids.size(); k++) {
                        String id = ids.get((cursor + k) % ids.size());
                        if (open.get(id) < byId.get(id).capacity()) {
                            agent = Optional.of(id);
                            cursor = (cursor + k + 1) % ids.size();
                            break;
                        }
                    }
                }
                if (agent.isEmpty()) {
                    continue;
                }
                it.remove();
                String id = agent.get();
                AgentSpec spec = byId.get(id);
                open.merge(id, 1, Integer::sum);
                registry.put("bench", id, AgentStatus.ONLINE, spec.languages(), spec.teams(), open.get(id), spec.capacity());
                boolean language = spec.languages().contains(chat.language());
                boolean skill = spec.teams().contains(chat.team());
                rightBoth += language && skill ? 1 : 0;
                rightLanguage += language ? 1 : 0;
                waits.add(now - chat.arrival());
                double duration = chat.handle() * (skill ? 1 : 1.5) * (language ? 1 : 2);
                finishing.put(chat.id(), id);
                events.add(new double[] {now + duration, 0, chat.id()});
            }
        }
        abandoned += queue.size();
        double[] w = waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Outcome(policy, w, abandoned, w.length, rightBoth, rightLanguage);
    }

    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    private static final class SimulatedClock extends Clock {
        Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

}
