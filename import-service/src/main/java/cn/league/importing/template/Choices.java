package cn.league.importing.template;

import java.util.List;

/**
 * The values of the templates' drop-down lists. Political statuses are the labels member-service's entry rules
 * accept (PoliticalStatus); member-service checks every row again, so a list here can only help users, never let a
 * wrong value in.
 */
final class Choices {

    static final List<String> KINDS = List.of("团员", "团干部");

    static final List<String> POLITICAL_STATUSES = List.of("共青团员", "中共党员", "中共预备党员", "民主党派成员",
            "无党派人士", "群众");

    static final List<String> EDUCATIONS = List.of("研究生", "大学本科", "大学专科", "中等专科", "职业高中",
            "技工学校", "普通高中", "初中", "小学", "其他");

    /** The 56 ethnic groups (GB/T 3304), and the two entries the standard adds. */
    static final List<String> ETHNICITIES = List.of("汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族",
            "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族",
            "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
            "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
            "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族",
            "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族", "其他", "外国血统中国籍人士");

    private Choices() {
    }
}
