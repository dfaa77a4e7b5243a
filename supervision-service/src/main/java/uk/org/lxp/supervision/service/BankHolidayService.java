package uk.org.lxp.supervision.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import uk.org.lxp.api.Audit;
import uk.org.lxp.http.problems.Conflict;
import uk.org.lxp.supervision.BankHoliday;
import uk.org.lxp.supervision.SupervisionSession;
import uk.org.lxp.supervision.repository.BankHolidayRepository;

/** One-off bank holidays (a coronation, a jubilee) added when announced; the sessions on the day move. */
@ApplicationScoped
public class BankHolidayService {

    private final BankHolidayRepository holidays;
    private final SessionPlanning planning;
    private final Audit audit;

    BankHolidayService(BankHolidayRepository holidays, SessionPlanning planning, Audit audit) {
        this.holidays = holidays;
        this.planning = planning;
        this.audit = audit;
    }

    /** The holiday added, and the sessions of the day: moved within their week, or unscheduled. */
    public record Added(BankHoliday holiday, List<SupervisionSession> moved) {
    }

    @Transactional
    public Added addOneOff(BankHoliday holiday) {
        if (holidays.findByIdOptional(holiday.day()).isPresent()) {
            throw new Conflict(holiday.day() + " is a bank holiday already");
        }
        holidays.persistAndFlush(holiday);
        audit.record("bank-holiday.added", "bank-holiday", holiday.day().toString(),
                Map.of("name", holiday.name()));
        return new Added(holiday, planning.moveOffHoliday(holiday.day()));
    }
}
