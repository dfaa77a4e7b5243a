package uk.org.lxp.roles;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How one eligible organisation took up a funding programme: its answer, the posts its award funds, the posts naming
 * the programme by status, and how many days passed from the award to the first of them filled (negative when its
 * holder started before the award; null while none is filled or no start day is known).
 */
public record ProgrammeUptake(String organisation, FundingApplication.State state, LocalDate awardedOn, int postsFunded,
        int postsCreated, int vacant, int filled, int frozen, int closed, Integer daysFromAwardToFilled) {

    /** {@code application} is null while the organisation has recorded no answer. */
    public static ProgrammeUptake of(FundingProgramme programme, String organisation, FundingApplication application,
            List<Post.Details> posts) {
        LocalDate awardedOn = application == null ? null : application.awardedOn();
        Integer days = awardedOn == null ? null : posts.stream()
                .filter(post -> post.status() == Post.Status.FILLED && post.holderSince() != null)
                .map(post -> (int) ChronoUnit.DAYS.between(awardedOn, post.holderSince()))
                .min(Integer::compare).orElse(null);
        return new ProgrammeUptake(organisation, application == null ? null : application.state(), awardedOn,
                application != null && application.holdsAward() ? programme.postsPerOrganisation() : 0, posts.size(),
                count(posts, Post.Status.VACANT), count(posts, Post.Status.FILLED), count(posts, Post.Status.FROZEN),
                count(posts, Post.Status.CLOSED), days);
    }

    private static int count(List<Post.Details> posts, Post.Status status) {
        return (int) posts.stream().filter(post -> post.status() == status).count();
    }
}
