package cn.league.org.info;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The secretary (书记) entered in org info, or whoever leads the work while there is none (FAQ 35). */
public record SecretaryChange(@NotBlank @Pattern(regexp = "[0-9]{17}[0-9Xx]", message = "身份证号码格式不正确") String idNumber,
                              @NotBlank @Size(max = 50) String name) {
}
