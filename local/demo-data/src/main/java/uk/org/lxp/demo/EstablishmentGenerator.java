package uk.org.lxp.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import uk.org.lxp.demo.Establishment.Comparator;
import uk.org.lxp.demo.Establishment.ComparatorSnapshot;
import uk.org.lxp.demo.Establishment.Funding;
import uk.org.lxp.demo.Establishment.PayRecord;
import uk.org.lxp.demo.Establishment.Post;

/**
 * Turns the declarative plan of each trust's establishment (how many posts of which profile, which stories) into
 * the posts, pay records and comparators its HR system would report. Pseudo-random, but from a fixed seed per
 * trust, so every generation is the same and a reload changes nothing.
 */
final class EstablishmentGenerator {

    private static final long SEED = 20_261_122L;
    private static final int NEW_STARTER_WEEKS = 5;
    /** Most LXP posts are full time; part-time ones cluster at the usual fractions. */
    private static final List<BigDecimal> FTE_CHOICES = Stream.of("1.00", "1.00", "1.00", "1.00", "1.00", "0.80",
            "0.80", "0.60", "0.50", "0.40").map(BigDecimal::new).toList();
    private static final int PERCENT_FILLED = 78;
    private static final int PERCENT_VACANT = 16;
    private static final Pay SALARIED = new Pay("SALARIED", null, null, null);

    /** The plan as written in establishment.json. */
    record Plan(LocalDate payEffectiveFrom, LocalDate comparatorsAsOf, List<FixedTermFunding> fixedTermFunding,
            List<String> recurrentStreams, List<TrustPlan> trusts) {
    }

    record FixedTermFunding(String stream, LocalDate endDate) {
    }

    /** {@code fixedTermPercent} of the trust's open posts are funded fixed-term. */
    record TrustPlan(String organisation, int fixedTermPercent, List<String> teams, List<Line> lines,
            List<ComparatorGroup> comparators) {
    }

    /**
     * Posts of one profile, referenced {@code <trust>-<code>-0001} onwards. {@code allFilled} where a story needs
     * every post held and paid; {@code closedAfterPay} for posts first reported filled and paid, then closed;
     * {@code pay} when they are not paid on their profile's band; {@code stream} names their recurrent funding;
     * {@code weeksVacant} where a story needs every post vacant that long.
     */
    record Line(String code, String profile, int posts, boolean allFilled, boolean closedAfterPay, Pay pay,
            String stream, List<String> teams, Integer weeksVacant) {
    }

    record Pay(String basis, BigDecimal dayRate, BigDecimal hourlyRate, BigDecimal expensesPerDay) {
    }

    record ComparatorGroup(String staffGroup, String band, int count, int fixedTerm) {
    }

    private final Plan plan;
    private final Map<String, String> bandByProfile;
    private final PayScale payScale;
    private final PayScale comparatorScale;

    private EstablishmentGenerator(Plan plan, Map<String, String> bandByProfile) {
        this.plan = plan;
        this.bandByProfile = bandByProfile;
        this.payScale = PayScale.forYearContaining(plan.payEffectiveFrom());
        this.comparatorScale = PayScale.forYearContaining(plan.comparatorsAsOf());
    }

    /** {@code bandByProfile}: each profile key's band as roles-service names it, e.g. BAND_8C or NON_AFC. */
    static List<Establishment> generate(Plan plan, Map<String, String> bandByProfile) {
        EstablishmentGenerator generator = new EstablishmentGenerator(plan, bandByProfile);
        return plan.trusts().stream().map(generator::establishment).toList();
    }

    private Establishment establishment(TrustPlan trust) {
        Random random = new Random(SEED ^ trust.organisation().hashCode());
        Set<String> staffReferences = new HashSet<>();
        Iterator<Boolean> fixedTerm = fixedTermFlags(trust, random).iterator();
        List<Post> posts = new ArrayList<>();
        List<Post> earlierStates = new ArrayList<>();
        List<PayRecord> payRecords = new ArrayList<>();
        for (Line line : trust.lines()) {
            if (!bandByProfile.containsKey(line.profile())) {
                throw new IllegalStateException(trust.organisation() + " line " + line.code()
                        + " names unknown profile " + line.profile());
            }
            for (int number = 1; number <= line.posts(); number++) {
                String status = line.weeksVacant() != null ? "VACANT"
                        : line.allFilled() || line.closedAfterPay() ? "FILLED" : status(random);
                boolean fixed = !line.closedAfterPay() && fixedTerm.next();
                Post post = new Post("%s-%s-%04d".formatted(trust.organisation(), line.code(), number), line.profile(),
                        pick(FTE_CHOICES, random), pick(line.teams() != null ? line.teams() : trust.teams(), random),
                        status, fixed ? fixedTermFunding(random) : recurrentFunding(line, random),
                        "FILLED".equals(status) ? staffReference(trust.organisation(), staffReferences, random) : null,
                        null, line.weeksVacant());
                if (post.holderStaffReference() != null) {
                    post = withWeeksInPost(post, 16 + new Random(post.postReference().hashCode()).nextInt(140));
                }
                if (post.holderStaffReference() != null) {
                    payRecords.add(payRecord(post, line, random));
                }
                if (line.closedAfterPay()) {
                    earlierStates.add(post);
                    post = new Post(post.postReference(), post.profileKey(), post.fte(), post.team(), "CLOSED",
                            post.funding(), null, null, null);
                }
                posts.add(post);
            }
        }
        for (int i = posts.size() - 1; i >= 0; i--) {
            Post post = posts.get(i);
            if ("FILLED".equals(post.status()) && !SupervisionPhase.SUPERVISING_PROFILES.contains(post.profileKey())) {
                posts.set(i, withWeeksInPost(post, NEW_STARTER_WEEKS));
                break;
            }
        }
        return new Establishment(trust.organisation(), posts, earlierStates, payRecords, comparators(trust));
    }

    /**
     * How long the holder has been in post: four months to three years, from a die of the post's own so the rest of
     * the data set stays as it was; each trust's last supervised post filled is held by a new starter of five weeks.
     */
    private static Post withWeeksInPost(Post post, int weeks) {
        return new Post(post.postReference(), post.profileKey(), post.fte(), post.team(), post.status(), post.funding(),
                post.holderStaffReference(), weeks, null);
    }

    /** Exactly the planned share of open posts is fixed-term, spread across lines at random. */
    private static List<Boolean> fixedTermFlags(TrustPlan trust, Random random) {
        int open = trust.lines().stream().filter(line -> !line.closedAfterPay()).mapToInt(Line::posts).sum();
        int fixed = Math.round(open * trust.fixedTermPercent() / 100f);
        List<Boolean> flags = new ArrayList<>(Collections.nCopies(fixed, true));
        flags.addAll(Collections.nCopies(open - fixed, false));
        Collections.shuffle(flags, random);
        return flags;
    }

    private static String status(Random random) {
        int roll = random.nextInt(100);
        if (roll < PERCENT_FILLED) {
            return "FILLED";
        }
        return roll < PERCENT_FILLED + PERCENT_VACANT ? "VACANT" : "FROZEN";
    }

    private Funding fixedTermFunding(Random random) {
        FixedTermFunding funding = pick(plan.fixedTermFunding(), random);
        return new Funding("FIXED_TERM", funding.endDate(), funding.stream());
    }

    private Funding recurrentFunding(Line line, Random random) {
        String stream = line.stream() != null ? line.stream() : pick(plan.recurrentStreams(), random);
        return new Funding("RECURRENT", null, stream);
    }

    /** Opaque, as HR systems issue them: nothing in it points to a person. */
    private static String staffReference(String organisation, Set<String> issued, Random random) {
        String reference;
        do {
            reference = "E-%s-%05d".formatted(organisation, 10_000 + random.nextInt(90_000));
        } while (!issued.add(reference));
        return reference;
    }

    private PayRecord payRecord(Post post, Line line, Random random) {
        Pay pay = line.pay() != null ? line.pay() : SALARIED;
        if (!"SALARIED".equals(pay.basis())) {
            return new PayRecord(post.postReference(), plan.payEffectiveFrom(), pay.basis(), null, null, post.fte(),
                    pay.hourlyRate(), pay.dayRate(), pay.expensesPerDay(), null);
        }
        String band = bandByProfile.get(line.profile());
        if (!band.startsWith("BAND_")) {
            throw new IllegalStateException("Profile " + line.profile() + " is " + band + ", so its posts cannot be"
                    + " salaried on Agenda for Change: give its line a pay basis");
        }
        return new PayRecord(post.postReference(), plan.payEffectiveFrom(), "SALARIED", band,
                pick(payScale.points(scaleCode(band)), random), post.fte(), null, null, null, null);
    }

    /** The pay scale file writes bands as NHS Employers do: BAND_8C is "8c" there. */
    private static String scaleCode(String band) {
        return band.substring("BAND_".length()).toLowerCase(Locale.ROOT);
    }

    private ComparatorSnapshot comparators(TrustPlan trust) {
        Random random = new Random(SEED ^ (trust.organisation() + "/comparators").hashCode());
        List<Comparator> records = new ArrayList<>();
        for (ComparatorGroup group : trust.comparators()) {
            for (int i = 0; i < group.count(); i++) {
                records.add(new Comparator(group.staffGroup(), group.band(),
                        pick(comparatorScale.points(scaleCode(group.band())), random), pick(FTE_CHOICES, random),
                        i < group.fixedTerm()));
            }
        }
        return new ComparatorSnapshot(plan.comparatorsAsOf(), records);
    }

    private static <T> T pick(List<T> choices, Random random) {
        return choices.get(random.nextInt(choices.size()));
    }
}
