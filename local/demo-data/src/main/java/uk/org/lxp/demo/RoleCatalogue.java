package uk.org.lxp.demo;

import java.util.List;

/** The role profiles (national templates and trusts' own) and the progression routes between them. */
record RoleCatalogue(List<Profile> profiles, List<Route> routes, List<Evaluation> evaluations) {

    /** A profile under a key the data set refers to it by; {@code profile} is the body roles-service takes. */
    record Profile(String key, Content profile) {

        /** Owner and title identify a profile in the catalogue. */
        String owner() {
            return profile.ownerOdsCode();
        }

        String title() {
            return profile.title();
        }
    }

    /** What roles-service's RoleProfileRequest holds; enum values as their names. */
    record Content(String ownerOdsCode, String title, String family, String level, Criterion livedExperience,
            String band, String contractBasis, String staffGroupCode, boolean patientFacing,
            List<String> competenceDomains, List<Supervision> supervisionRequirements) {
    }

    record Criterion(boolean essential, String focus, String wording) {
    }

    record Supervision(String type, int minimumEveryDays) {
    }

    /**
     * A job evaluation panel's ratings of a profile, by its key: the levels of the 16 factors from and to (the same for
     * a single level), and the panel's make-up; roles-service scores it.
     */
    record Evaluation(String profile, List<Integer> levelsFrom, List<Integer> levelsTo, Panel panel) {
    }

    record Panel(int management, int staffSide, int withLivedExperience) {
    }

    /** A route between two profiles, by their keys. */
    record Route(String from, String to, String kind, List<String> requirements) {
    }
}
