package cn.league.member.membership;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NewPersonTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final NewPerson VALID = new NewPerson("110101200001011232", "张三", "汉族", "共青团员", "本科",
            LocalDate.of(2015, 5, 4), "201511000001", "13800000000", null, "北京", "李四", "13900000000", "书记");

    @Test
    @DisplayName("R-IMP-3 the bulk path's hand check of required fields and sizes agrees with bean validation")
    void handCheckAgreesWithTheValidator() throws Exception {
        RecordComponent[] fields = NewPerson.class.getRecordComponents();
        Constructor<NewPerson> create = NewPerson.class.getDeclaredConstructor(
                Arrays.stream(fields).map(RecordComponent::getType).toArray(Class<?>[]::new));
        List<String> values = new ArrayList<>(Arrays.asList(null, "", " ", "\u3000\t", " 张 ", "😀".repeat(10),
                "😀".repeat(11)));
        for (int length : new int[] {1, 19, 20, 21, 49, 50, 51, 99, 100, 101, 199, 200, 201}) {
            values.add("a".repeat(length));
        }
        int compared = 0;
        for (int f = 0; f < fields.length; f++) {
            if (fields[f].getType() != String.class) {
                continue;
            }
            for (String value : values) {
                Object[] arguments = new Object[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    arguments[i] = fields[i].getAccessor().invoke(VALID);
                }
                arguments[f] = value;
                NewPerson person = create.newInstance(arguments);
                boolean validatorAgrees = VALIDATOR.validate(person).stream()
                        .allMatch(fault -> fault.getConstraintDescriptor().getAnnotation() instanceof Email);
                assertThat(person.holdsRequiredAndSizes()).as("%s = %s", fields[f].getName(), value)
                        .isEqualTo(validatorAgrees);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(200);
    }
}
