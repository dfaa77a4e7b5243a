package uk.org.lxp.supervision.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import uk.org.lxp.api.paging.Where;

/**
 * The one person whose agreements and sessions a caller limited to people reaches: their own as supervisee, and,
 * when they are a registered supervisor there, those they supervise (by supervisor id: staff references are unique
 * only within an organisation).
 */
public record Involving(String staffReference, Optional<UUID> supervisorId) {

    public boolean reaches(String superviseeStaffReference, UUID sessionSupervisorId) {
        return staffReference.equals(superviseeStaffReference) || supervisorId.filter(sessionSupervisorId::equals).isPresent();
    }

    Where limit(Where where) {
        Map<String, Object> parameters = new HashMap<>(Map.of("involved", staffReference));
        supervisorId.ifPresent(id -> parameters.put("involvedSupervisor", id));
        String condition = supervisorId.isPresent()
                ? "(superviseeStaffReference = :involved or supervisorId = :involvedSupervisor)"
                : "superviseeStaffReference = :involved";
        return where.and(true, condition, parameters);
    }
}
