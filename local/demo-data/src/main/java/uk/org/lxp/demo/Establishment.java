package uk.org.lxp.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One trust's LXP posts, what the filled ones pay, and its comparator workforce, as its HR system reports them.
 * Some posts have a history: they are first reported in an earlier state (e.g. filled and paid) and then as
 * they end up (closed), because the parity rules look at what changed.
 */
record Establishment(String organisation, List<Post> posts, List<Post> earlierStates, List<PayRecord> payRecords,
        ComparatorSnapshot comparators) {

    Optional<Post> earlierStateOf(String postReference) {
        return earlierStates.stream().filter(post -> post.postReference().equals(postReference)).findFirst();
    }

    /** A post as roles-service takes it, with its role profile by data set key rather than by id. */
    record Post(String postReference, String profileKey, BigDecimal fte, String team, String status, Funding funding,
            String holderStaffReference, Integer weeksInPost, Integer weeksVacant) {

        /** A holder who started so recently that HR has not set them up with supervision yet. */
        static final int NEW_STARTER_WEEKS = 8;

        boolean heldByNewStarter() {
            return weeksInPost != null && weeksInPost < NEW_STARTER_WEEKS;
        }

        boolean isOpen() {
            return !"CLOSED".equals(status);
        }
    }

    record Funding(String kind, LocalDate endDate, String stream) {

        boolean isFixedTerm() {
            return "FIXED_TERM".equals(kind);
        }
    }

    /** What pay-equity-service's PayRecordItem holds. */
    record PayRecord(String postReference, LocalDate effectiveFrom, String basis, String band, Integer point,
            BigDecimal fte, BigDecimal hourlyRate, BigDecimal dayRate, BigDecimal expensesPerDay, String hcasZone) {
    }

    /** What pay-equity-service's comparator snapshot holds: no identifiers, only the shape of the workforce. */
    record ComparatorSnapshot(LocalDate asOf, List<Comparator> records) {
    }

    record Comparator(String staffGroupCode, String band, int point, BigDecimal fte, boolean fixedTerm) {
    }
}
