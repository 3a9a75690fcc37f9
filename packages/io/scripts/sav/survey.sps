* A small cadre survey used as a .sav fixture: 200 cases, Vietnamese labels,
* a 400-byte string, range missing values, long names, MR sets.
* Included by ../sav-fixtures.sh after SET LOCALE picks the file encoding.
INPUT PROGRAM.
LOOP #i = 1 TO 200.
COMPUTE id = #i.
END CASE.
END LOOP.
END FILE.
END INPUT PROGRAM.

COMPUTE level = MOD(id, 3) + 1.
IF (MOD(id, 37) = 0) level = 9.
COMPUTE q1 = MOD(id, 2).
COMPUTE q2 = MOD(TRUNC(id / 2), 2).
COMPUTE q3 = MOD(TRUNC(id / 4), 2).
IF (MOD(id, 41) = 0) q3 = $SYSMIS.
COMPUTE kho_khan_chinh_sach = MOD(id, 4) + 1.
IF (MOD(id, 13) = 0) kho_khan_chinh_sach = 8.
IF (MOD(id, 17) = 0) kho_khan_chinh_sach = 9.
COMPUTE age = 25 + MOD(id * 7, 35).
IF (MOD(id, 29) = 0) age = 999.
IF (MOD(id, 31) = 0) age = -1.
COMPUTE weight = 0.5 + MOD(id, 10) / 8.
IF (MOD(id, 53) = 0) weight = $SYSMIS.
COMPUTE m1 = MOD(id, 5) + 1.
COMPUTE m2 = MOD(id + 2, 5) + 1.
FORMATS id (F4.0) level q1 q2 q3 kho_khan_chinh_sach m1 m2 (F1.0) age (F3.0) weight (F8.3).

STRING ten_don_vi (A24).
STRING tinh (A16).
STRING ghi_chu_dai (A400).
DO IF (MOD(id, 3) = 0).
COMPUTE ten_don_vi = 'Phường Bến Nghé'.
ELSE IF (MOD(id, 3) = 1).
COMPUTE ten_don_vi = 'Quận Hoàn Kiếm'.
ELSE.
COMPUTE ten_don_vi = 'Xã Đông Hưng'.
END IF.
* COMPUTE, not RECODE: PSPP 1.6 stores RECODE's (and VALUE LABELS') string literals unconverted in a
* windows-1258 dictionary, so in survey-cp1258 the labelled values of tinh are UTF-8 bytes (PSPP lists them
* as mojibake, and so does our reader).
DO IF (id <= 60).
COMPUTE tinh = 'Hà Nội'.
ELSE IF (id <= 140).
COMPUTE tinh = 'Hồ Chí Minh'.
ELSE.
COMPUTE tinh = 'Khác'.
END IF.
* 400 bytes in UTF-8: multi-byte letters straddle the 8-byte slots and the 255-byte segment boundary.
DO IF (MOD(id, 25) = 0).
COMPUTE ghi_chu_dai = CONCAT('Ý kiến số ', LTRIM(STRING(id, F4.0)), ': ').
LOOP #k = 1 TO 24.
COMPUTE ghi_chu_dai = CONCAT(RTRIM(ghi_chu_dai), ' Dân vận khéo').
END LOOP.
END IF.

VARIABLE LABELS id 'Mã phiếu'
  /level 'Cấp cán bộ'
  /q1 'Mục đích: nắm tình hình nhân dân'
  /q2 'Mục đích: tuyên truyền, vận động'
  /q3 'Mục đích: tập hợp, đoàn kết'
  /kho_khan_chinh_sach 'Khó khăn: cơ chế, chính sách'
  /age 'Tuổi'
  /weight 'Trọng số'
  /m1 'Phương pháp thứ nhất'
  /m2 'Phương pháp thứ hai'
  /ten_don_vi 'Tên đơn vị'
  /tinh 'Tỉnh/thành phố'
  /ghi_chu_dai 'Ghi chú (dài)'.
VALUE LABELS level 1 'Thành phố' 2 'Quận/Huyện' 3 'Phường/Xã' 9 'Không trả lời'
  /q1 q2 q3 0 'Không chọn' 1 'Có chọn'
  /kho_khan_chinh_sach 1 'Không khó khăn' 2 'Khó khăn ít' 3 'Khó khăn nhiều' 4 'Rất khó khăn' 8 'Không biết' 9 'Không trả lời'
  /m1 m2 1 'Họp dân' 2 'Tiếp xúc trực tiếp' 3 'Qua đoàn thể' 4 'Qua mạng xã hội' 5 'Khác'
  /tinh 'Hà Nội' 'Thủ đô Hà Nội' 'Hồ Chí Minh' 'Thành phố Hồ Chí Minh' 'Khác' 'Tỉnh khác'.
MISSING VALUES level (9) /kho_khan_chinh_sach (8 THRU 9) /age (LO THRU 0, 999) /tinh ('Khác').
VARIABLE LEVEL level kho_khan_chinh_sach (ORDINAL) /q1 q2 q3 m1 m2 ten_don_vi tinh ghi_chu_dai (NOMINAL) /id age weight (SCALE).
MRSETS /MDGROUP NAME=$muc_dich LABEL='Mục đích công tác dân vận' VARIABLES=q1 q2 q3 VALUE=1
  /MCGROUP NAME=$phuong_phap LABEL='Phương pháp' VARIABLES=m1 m2.
FILE LABEL 'Khảo sát cán bộ dân vận'.
DOCUMENT 'Dữ liệu mẫu cho danvan: tạo bằng PSPP.'.
EXECUTE.
