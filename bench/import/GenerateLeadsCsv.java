import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a realistic lead CSV with Chinese headers for the import benchmark:
 * {@code java bench/import/GenerateLeadsCsv.java 1000000 target/bench/leads.csv}.
 * Deterministic (seed 2026). About 1% of rows are invalid (bad phone and e-mail) and about 1% repeat
 * an earlier row's phone, so the run exercises rejection and de-duplication as real files do.
 */
public class GenerateLeadsCsv {

    private static final String[] PROVINCES = {"广东", "浙江", "江苏", "上海", "北京", "四川", "湖北", "山东", "福建", "陕西"};
    private static final String[] CITIES = {"深圳", "杭州", "苏州", "上海", "北京", "成都", "武汉", "青岛", "厦门", "西安"};
    private static final String[] INDUSTRIES = {"制造业", "零售", "金融", "软件", "物流", "教育", "医疗", "餐饮"};
    private static final String[] SIZES = {"1-9人", "10-99人", "100-499人", "500-1999人", "2000人以上"};
    private static final String[] TITLES = {"采购经理", "总经理", "IT 主管", "运营总监", "销售经理", "CEO", "行政专员", "财务经理"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰"};

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Random random = new Random(2026);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("公司名称,联系人,职位,手机,邮箱,省份,城市,行业,公司规模,预算,来源\n");
            for (int i = 1; i <= rows; i++) {
                int p = random.nextInt(PROVINCES.length);
                boolean bad = random.nextInt(100) == 0;
                boolean repeat = !bad && i > 100 && random.nextInt(100) == 0;
                int n = repeat ? i - 1 - random.nextInt(Math.min(i - 1, 1000)) : i;
                String phone = bad ? "12345" : "13" + (5 + n % 5) + String.format("%08d", n);
                String email = bad ? "nobody" : "lead" + n + "@example" + (n % 97) + ".cn";
                w.write(String.join(",",
                        "示范企业" + n + "有限公司",
                        SURNAMES[n % SURNAMES.length] + GIVEN[(n / 10) % GIVEN.length] + n,
                        TITLES[random.nextInt(TITLES.length)],
                        phone,
                        email,
                        PROVINCES[p],
                        CITIES[p],
                        INDUSTRIES[random.nextInt(INDUSTRIES.length)],
                        SIZES[random.nextInt(SIZES.length)],
                        String.valueOf(10_000 * (1 + random.nextInt(200))),
                        random.nextBoolean() ? "展会" : "官网"));
                w.write('\n');
            }
        }
    }
}
