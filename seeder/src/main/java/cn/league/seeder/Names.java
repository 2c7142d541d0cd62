package cn.league.seeder;

import java.util.random.RandomGenerator;

/** Chinese names of people and places, drawn from fixed lists, so the same random stream gives the same names. */
final class Names {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌浩宇轩然晨阳欣怡梓涵子豪思远嘉诚雨婷佳琪俊杰文博志强海峰立新建国晓东春梅秋菊冬雪若曦梦瑶一鸣天翼泽宇诗涵可馨沐辰浩然";
    private static final String PLACE_FIRST = "东西南北中新安平长永兴宁清河阳山江海德福泰和康宝金云龙凤青白丰庆华嘉昌盛临";
    private static final String PLACE_SECOND = "川林州源城丘溪岭田湖桥塘原口坪岗湾屯浦坝谷峰洲泉台沟岩阳宁安丰";

    private Names() {
    }

    /** A surname and a given name of one or two characters. */
    static String person(RandomGenerator random) {
        StringBuilder name = new StringBuilder(3).append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        if (random.nextInt(4) != 0) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    /** A two-character place name. */
    static String place(RandomGenerator random) {
        return "" + PLACE_FIRST.charAt(random.nextInt(PLACE_FIRST.length()))
                + PLACE_SECOND.charAt(random.nextInt(PLACE_SECOND.length()));
    }
}
