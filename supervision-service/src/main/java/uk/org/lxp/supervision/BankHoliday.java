package uk.org.lxp.supervision;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An England and Wales bank holiday: from the shipped list, or a one-off added when it is announced. */
@Entity
@Table(name = "bank_holiday")
public class BankHoliday {

    @Id
    private LocalDate day;

    @Column(nullable = false)
    private String name;

    @Column(name = "one_off", nullable = false)
    private boolean oneOff;

    protected BankHoliday() {
    }

    public BankHoliday(LocalDate day, String name, boolean oneOff) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A bank holiday has a name");
        }
        this.day = day;
        this.name = name;
        this.oneOff = oneOff;
    }

    public LocalDate day() {
        return day;
    }

    public String name() {
        return name;
    }

    public boolean oneOff() {
        return oneOff;
    }
}
