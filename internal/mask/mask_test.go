package mask_test

import (
	"testing"

	"shopdesk/internal/mask"
)

func TestName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"张三", "张**"},
		{"张三丰", "张**"},
		{"欧阳娜娜", "欧**"},
		{"tb_8812abc", "t**"},
		{"  小王 ", "小**"},
		{"张", "*"},
		{"", ""},
		{"   ", ""},
		{"138****5678", "1**"}, // already masked by the platform: still only its first character
	}
	for _, tt := range tests {
		if got := mask.Name(tt.in); got != tt.want {
			t.Errorf("Name(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAddress(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"province city district", "浙江省杭州市西湖区文三路100号3幢", "浙江省杭州市西湖区****"},
		{"spaces between levels", "浙江省 杭州市 西湖区 文三路 100号", "浙江省杭州市西湖区****"},
		{"municipality", "北京市朝阳区建国路88号SOHO现代城", "北京市朝阳区****"},
		{"municipality twice", "上海 上海市 浦东新区 张江镇 碧波路 690 号", "上海上海市浦东新区****"},
		{"county-level city", "浙江省杭州市建德市新安江街道 白沙路 1 号", "浙江省杭州市建德市****"},
		{"town under a city without districts", "广东省东莞市长安镇乌沙社区 3 号", "广东省东莞市****"},
		{"residential compound after the district", "浙江省杭州市西湖区文新小区 3 幢 201", "浙江省杭州市西湖区****"},
		{"autonomous region", "内蒙古自治区呼和浩特市新城区 中山东路 1 号", "内蒙古自治区呼和浩特市新城区****"},
		{"autonomous prefecture and county", "吉林省延边朝鲜族自治州长白朝鲜族自治县 长白镇", "吉林省延边朝鲜族自治州长白朝鲜族自治县****"},
		{"long prefecture name", "新疆维吾尔自治区克孜勒苏柯尔克孜自治州阿图什市 帕米尔路", "新疆维吾尔自治区克孜勒苏柯尔克孜自治州阿图什市****"},
		{"special administrative region", "香港特别行政区九龙城区 太子道西 1 号", "香港特别行政区九龙城区****"},
		{"district named with 市", "湖北省荆州市沙市区北京路 1 号", "湖北省荆州市沙市区****"},
		{"divisions only", "浙江省杭州市西湖区", "浙江省杭州市西湖区"},
		{"no divisions", "文三路 100 号", "****"},
		{"not Chinese", "1600 Amphitheatre Parkway", "****"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mask.Address(tt.in); got != tt.want {
				t.Errorf("Address(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPhone(t *testing.T) {
	tests := []struct{ in, want string }{
		{"13812345678", "138****5678"},
		{"138-1234-5678", "138****5678"},
		{"0571-88886666", "057*****6666"},
		{"123456", "******"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := mask.Phone(tt.in); got != tt.want {
			t.Errorf("Phone(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"new address and phone", "地址改成浙江省杭州市西湖区文三路100号，电话13812345678，谢谢",
			"地址改成浙江省杭州市西湖区****，电话138****5678，谢谢"},
		{"two phones", "13812345678,13912345678", "138****5678,139****5678"},
		{"order and tracking numbers kept", "订单 2165437890123456789 运单 SF1234567890123 已签收",
			"订单 2165437890123456789 运单 SF1234567890123 已签收"},
		{"no personal data", "请发顺丰，不要发韵达", "请发顺丰，不要发韵达"},
		{"address with spaces", "改到 广东省 深圳市 南山区 科技园 1 号", "改到 广东省深圳市南山区****"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mask.Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) =\n %q, want\n %q", tt.in, got, tt.want)
			}
		})
	}
}
