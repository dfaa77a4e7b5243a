package uk.org.lxp.supervision.repository;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import uk.org.lxp.supervision.BankHoliday;

@ApplicationScoped
public class BankHolidayRepository implements PanacheRepositoryBase<BankHoliday, LocalDate> {

    /** Every holiday's day and name, in order. */
    public Map<LocalDate, String> byDay() {
        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        listAll(Sort.by("day")).forEach(holiday -> holidays.put(holiday.day(), holiday.name()));
        return holidays;
    }
}
