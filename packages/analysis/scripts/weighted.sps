* Turns trongso.csv (written by weighted.R) into a PSPP system file with Vietnamese labels, a 3-point
* difficulty scale with 9 = no answer, a multiple-response set and WEIGHT BY trongso. Run by weighted.sh.
GET DATA /TYPE=TXT /FILE=@CSV@ /ENCODING='UTF-8' /DELCASE=LINE /DELIMITERS="," /ARRANGEMENT=DELIMITED
  /FIRSTCASE=2 /VARIABLES=id F4.0 capbac F1.0 kk1 F1.0 kk2 F1.0 kk3 F1.0 kk4 F1.0
  mr1 F1.0 mr2 F1.0 mr3 F1.0 mr4 F1.0 trongso F8.3.
VARIABLE LABELS capbac 'Cấp công tác' /kk1 'Khó khăn về nguồn lực' /kk2 'Khó khăn về phối hợp'
  /kk3 'Khó khăn về phương pháp' /kk4 'Khó khăn về kế hoạch' /mr1 'Tuyên truyền' /mr2 'Vận động'
  /mr3 'Đối thoại' /mr4 'Kiểm tra' /trongso 'Trọng số'.
VALUE LABELS capbac 1 'Thành phố' 2 'Quận/Huyện' 3 'Phường/Xã'
  /kk1 kk2 kk3 kk4 1 'Khó khăn' 2 'Bình thường' 3 'Không khó khăn' 9 'Không trả lời'
  /mr1 mr2 mr3 mr4 0 'Không chọn' 1 'Có chọn'.
MISSING VALUES kk1 kk2 kk3 kk4 (9).
VARIABLE LEVEL capbac kk1 kk2 kk3 kk4 (ORDINAL) /mr1 mr2 mr3 mr4 (NOMINAL) /trongso (SCALE).
MRSETS /MDGROUP NAME=$phuongthuc LABEL='Phương thức' VARIABLES=mr1 mr2 mr3 mr4 VALUE=1.
WEIGHT BY trongso.
SAVE OUTFILE=@SAV@.
