package dev.fairlead.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Bean validation of a command plus the domain checks a service adds; all problems reported at once. */
public final class Validation {

    private Validation() {}

    public static List<FieldProblem> check(Validator validator, Object command) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator.validate(command)) {
            problems.add(FieldProblem.resolved(v.getPropertyPath().toString(), v.getMessage()));
        }
        problems.sort(Comparator.comparing(FieldProblem::field));
        return problems;
    }

    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
