"""Hand-written Indonesian sentence templates for the synthetic conflict corpus.

Every lead sentence is tagged with the stage it establishes and, for incidents, the intensity
(1 non-violent, 2 disruptive, 3 lethal / mass violence). A leading `+cat,cat|` adds categories
to the article's primary category (e.g. a supporters' clash is election + communal_violence).
Slots in braces are filled by nlp/conflict/generate.py. Long by nature: it is data.
"""

from __future__ import annotations

# --- places across Indonesia: (regency/city, province, dateline, district word, village word,
# districts, villages). Kaltara first, then other regions with a history of social conflict.
REGIONS = [
    ("Bulungan", "Kalimantan Utara", "TANJUNG SELOR", "Kecamatan", "Desa",
     ["Tanjung Palas", "Sekatak", "Peso", "Tanjung Selor", "Tanjung Palas Timur"],
     ["Antutan", "Jelarai Selor", "Bumi Rahayu", "Salimbatu", "Long Bia", "Sekatak Buji"]),
    ("Nunukan", "Kalimantan Utara", "NUNUKAN", "Kecamatan", "Desa",
     ["Sebatik", "Krayan", "Lumbis", "Sembakung", "Nunukan Selatan", "Sebuku"],
     ["Aji Kuning", "Binalawan", "Sungai Limau", "Long Bawan", "Tanjung Harapan", "Mansalong"]),
    ("Malinau", "Kalimantan Utara", "MALINAU", "Kecamatan", "Desa",
     ["Malinau Kota", "Mentarang", "Kayan Hilir", "Malinau Utara", "Pujungan"],
     ["Long Loreh", "Respen Tubu", "Long Nawang", "Sempayang", "Long Ampung"]),
    ("Tarakan", "Kalimantan Utara", "TARAKAN", "Kecamatan", "Kelurahan",
     ["Tarakan Barat", "Tarakan Timur", "Tarakan Utara", "Tarakan Tengah"],
     ["Juata Laut", "Karang Anyar", "Kampung Empat", "Mamburungan", "Pantai Amal"]),
    ("Tana Tidung", "Kalimantan Utara", "TIDENG PALE", "Kecamatan", "Desa",
     ["Sesayap", "Sesayap Hilir", "Betayau", "Muruk Rian"],
     ["Sebidai", "Tideng Pale Timur", "Sengkong", "Bebatu"]),
    ("Kutai Timur", "Kalimantan Timur", "SANGATTA", "Kecamatan", "Desa",
     ["Bengalon", "Muara Wahau", "Kaubun", "Sangatta Utara"],
     ["Sepaso", "Miau Baru", "Bumi Etam", "Swarga Bara"]),
    ("Samarinda", "Kalimantan Timur", "SAMARINDA", "Kecamatan", "Kelurahan",
     ["Samarinda Seberang", "Palaran", "Sungai Kunjang"], ["Loa Bakung", "Rawa Makmur", "Sungai Keledang"]),
    ("Kotawaringin Timur", "Kalimantan Tengah", "SAMPIT", "Kecamatan", "Desa",
     ["Mentaya Hilir Selatan", "Cempaga", "Parenggean", "Baamang"],
     ["Bapinang", "Pelangsian", "Tumbang Koling", "Sebabi"]),
    ("Sambas", "Kalimantan Barat", "SAMBAS", "Kecamatan", "Desa",
     ["Tebas", "Jawai", "Paloh", "Sajingan Besar"], ["Temajuk", "Sebubus", "Matang Danau", "Sempalai"]),
    ("Kota Ambon", "Maluku", "AMBON", "Kecamatan", "Negeri",
     ["Sirimau", "Nusaniwe", "Teluk Ambon", "Baguala"], ["Batu Merah", "Passo", "Hative Kecil", "Latuhalat"]),
    ("Maluku Tengah", "Maluku", "MASOHI", "Kecamatan", "Negeri",
     ["Pulau Haruku", "Leihitu", "Salahutu"], ["Kariu", "Pelauw", "Hila", "Tulehu"]),
    ("Mimika", "Papua Tengah", "TIMIKA", "Distrik", "Kampung",
     ["Kwamki Narama", "Mimika Baru", "Tembagapura", "Kuala Kencana"], ["Harapan", "Banti", "Kwamki Lama", "Limau Asri"]),
    ("Jayawijaya", "Papua Pegunungan", "WAMENA", "Distrik", "Kampung",
     ["Wamena Kota", "Hubikosi", "Asolokobal"], ["Sinakma", "Wouma", "Pikhe"]),
    ("Poso", "Sulawesi Tengah", "POSO", "Kecamatan", "Desa",
     ["Poso Pesisir", "Lore Utara", "Pamona Selatan"], ["Tangkura", "Sedoa", "Kalora", "Masani"]),
    ("Mesuji", "Lampung", "MESUJI", "Kecamatan", "Desa",
     ["Mesuji Timur", "Way Serdang", "Tanjung Raya"], ["Sri Tanjung", "Talang Gunung", "Sungai Sidang"]),
    ("Sampang", "Jawa Timur", "SAMPANG", "Kecamatan", "Desa",
     ["Omben", "Karang Penang", "Torjun"], ["Karang Gayam", "Bluuran", "Nangkernang"]),
    ("Bima", "Nusa Tenggara Barat", "BIMA", "Kecamatan", "Desa",
     ["Lambu", "Sape", "Wera", "Monta"], ["Sumi", "Parangina", "Nggelu", "Tangga"]),
    ("Sumba Barat Daya", "Nusa Tenggara Timur", "TAMBOLAKA", "Kecamatan", "Desa",
     ["Kodi", "Wewewa Timur", "Loura"], ["Waikadada", "Kalena Wano", "Rada Loko"]),
    ("Deli Serdang", "Sumatera Utara", "LUBUK PAKAM", "Kecamatan", "Desa",
     ["Percut Sei Tuan", "Tanjung Morawa", "Hamparan Perak"], ["Sei Rotan", "Dagang Kerawan", "Klambir Lima"]),
    ("Aceh Singkil", "Aceh", "SINGKIL", "Kecamatan", "Gampong",
     ["Gunung Meriah", "Simpang Kanan", "Danau Paris"], ["Suka Makmur", "Lipat Kajang", "Sanggaberu"]),
    ("Makassar", "Sulawesi Selatan", "MAKASSAR", "Kecamatan", "Kelurahan",
     ["Tallo", "Bontoala", "Panakkukang"], ["Rappokalling", "Layang", "Karuwisi"]),
    ("Kota Bandung", "Jawa Barat", "BANDUNG", "Kecamatan", "Kelurahan",
     ["Cibiru", "Babakan Ciparay", "Kiaracondong"], ["Cisurupan", "Sukahaji", "Babakan Sari"]),
    ("Pekanbaru", "Riau", "PEKANBARU", "Kecamatan", "Kelurahan",
     ["Rumbai", "Tenayan Raya", "Bukit Raya"], ["Sri Meranti", "Kulim", "Simpang Tiga"]),
    ("Kota Ternate", "Maluku Utara", "TERNATE", "Kecamatan", "Kelurahan",
     ["Ternate Selatan", "Pulau Ternate", "Ternate Utara"], ["Kalumata", "Sulamadaha", "Dufa-Dufa"]),
]

OUTLETS = ["WartaBorneo.com", "SuaraPerbatasan.id", "NusantaraKini.com", "KabarTimur.id",
           "Harian Khatulistiwa", "Lintas Daerah", "Pos Utara", "BeritaRakyat.net", "Info Benua"]

NAMES = ["Suryadi", "Hendra Saputra", "Yohanes Lamba", "Muhammad Rizal", "Andi Baso", "I Made Sudarsana",
         "Markus Wenda", "Rahmat Hidayat", "Stefanus Ola", "Agustinus Lalong", "Siti Aminah", "Dewi Kartika",
         "Hasanuddin", "Robert Sinaga", "Nurhayati", "Yusuf Tahir", "Budi Santoso", "Irwan Syahputra",
         "Fransiskus Lejap", "Lukas Ayang", "Abdul Karim", "Yulius Pekey", "Ridwan Lubis", "Maria Goreti"]

COMPANIES = ["Sawit Lestari Makmur", "Bumi Kayan Sejahtera", "Batu Hitam Mining", "Rimba Utama Lestari",
             "Agro Nusa Persada", "Intan Borneo Resources", "Samudra Tambang Jaya", "Hijau Alam Perkasa"]

SPEAKERS = {
    "police": ["Kapolres {kab} AKBP {name}", "Kasat Reskrim Polres {kab} AKP {name}",
               "Kabid Humas Polda {prov} Kombes {name}", "Kapolsek {kec} Iptu {name}"],
    "gov": ["Bupati {kab} {name}", "Camat {kec} {name}", "Kepala Kesbangpol {kab} {name}",
            "Sekretaris Daerah {kab} {name}", "Asisten I Pemkab {kab} {name}"],
    "community": ["tokoh masyarakat {kec}, {name}", "Kepala {desa_word} {desa}, {name}",
                  "{name}, salah seorang warga", "koordinator aksi, {name}", "Ketua Adat {desa}, {name}"],
    "religious": ["Ketua FKUB {kab} {name}", "tokoh agama setempat, {name}"],
    "election": ["Ketua KPU {kab} {name}", "Ketua Bawaslu {kab} {name}"],
    "labor": ["Ketua Serikat Pekerja {name}", "Kepala Dinas Tenaga Kerja {kab} {name}"],
    "military": ["Dandim {kab} Letkol Inf {name}", "Danrem Brigjen TNI {name}"],
}

SAY = ["kata", "ujar", "tegas", "jelas", "ungkap", "tutur"]

# --- leads: category -> list of (stage, intensity, template)
LEADS: dict[str, list[tuple[str, int, str]]] = {
    "election": [
        ("incident", 1, "Ratusan pendukung pasangan calon nomor urut {k} menggelar unjuk rasa di depan kantor KPU {kab}, menuntut penghitungan suara ulang di {n_tps} TPS."),
        ("incident", 1, "Massa tim pemenangan salah satu calon bupati berdemonstrasi di kantor Bawaslu {kab} memprotes dugaan politik uang di {kec_word} {kec}."),
        ("incident", 2, "Rapat pleno rekapitulasi suara di kantor KPU {kab} ricuh setelah massa pendukung paslon nomor urut {k} merangsek masuk dan merusak meja serta kursi panitia."),
        ("incident", 2, "+communal_violence|Bentrokan antara pendukung dua pasangan calon pecah di {kec_word} {kec}; {n_injured} orang luka-luka dan beberapa sepeda motor dirusak."),
        ("incident", 2, "Sekelompok orang membakar kotak suara dan merusak kantor PPK {kec} sesaat setelah hasil penghitungan suara diumumkan."),
        ("incident", 3, "+communal_violence|Bentrokan antarpendukung calon kepala daerah di {kec_word} {kec} menyebabkan {n_dead} orang tewas dan puluhan rumah dibakar."),
        ("incident", 3, "Kerusuhan pascapilkada di {kab} meluas; kantor KPU dibakar massa dan {n_big} warga mengungsi ke kantor polisi."),
        ("tension", 1, "Tim pemenangan paslon nomor urut {k} menolak hasil rekapitulasi dan mengancam akan mengerahkan massa jika tuntutan penghitungan ulang tidak dipenuhi."),
        ("tension", 1, "Bawaslu {kab} menerima {n_small_num} laporan dugaan politik uang menjelang hari pemungutan suara, dan suasana di sejumlah desa mulai memanas."),
        ("tension", 1, "Saling tuding antara kubu kedua calon bupati di media sosial makin tajam menjelang penetapan hasil pemilihan oleh KPU {kab}."),
        ("tension", 1, "Pelantikan kepala desa terpilih di {desa_word} {desa} ditunda setelah sebagian warga mempersoalkan hasil pemilihan dan mendatangi kantor camat."),
        ("prevention", 0, "KPU dan Bawaslu {kab} bersama Polres menggelar rapat koordinasi pengamanan tahapan pilkada untuk mencegah potensi konflik di {kec_word} {kec}."),
        ("prevention", 0, "Seluruh pasangan calon kepala daerah di {kab} menandatangani deklarasi pemilu damai dan berkomitmen menolak politik uang serta ujaran kebencian."),
        ("prevention", 0, "Polres {kab} memetakan TPS rawan dan menyiagakan ratusan personel gabungan menjelang hari pemungutan suara."),
    ],
    "identity": [
        ("incident", 1, "Puluhan warga menggelar aksi di depan kantor bupati {kab} menolak pendirian sebuah rumah ibadah di {desa_word} {desa}."),
        ("incident", 2, "Sekelompok orang membubarkan paksa kegiatan ibadah jemaat di {desa_word} {desa} dan merusak pintu serta jendela bangunan tempat ibadah itu."),
        ("incident", 2, "+communal_violence|Gesekan antarkelompok etnis di pasar {kec} berujung perusakan sejumlah kios; {n_injured} orang luka dan dirawat di puskesmas."),
        ("incident", 3, "+communal_violence|Konflik antarkelompok suku di {kec_word} {kec} menewaskan {n_dead} orang dan memaksa ratusan warga mengungsi ke gedung pemerintah."),
        ("incident", 3, "+communal_violence|Puluhan rumah warga dibakar dalam kerusuhan bernuansa SARA di {desa_word} {desa}, dan {n_dead} orang dilaporkan meninggal dunia."),
        ("tension", 1, "Ujaran kebencian yang menyudutkan pemeluk agama tertentu beredar di grup percakapan warga {kab} dan memicu keresahan."),
        ("tension", 1, "Rencana pembangunan rumah ibadah di {desa_word} {desa} mendapat penolakan dari sebagian warga, dan hubungan antarwarga mulai tegang."),
        ("tension", 1, "Polisi menyelidiki ceramah bernada kebencian terhadap warga pendatang yang videonya viral dan memancing kemarahan kelompok suku setempat."),
        ("prevention", 0, "FKUB {kab} menggelar dialog lintas agama untuk merawat kerukunan dan mencegah konflik bernuansa SARA di {kec_word} {kec}."),
        ("prevention", 0, "Tokoh adat dan tokoh agama se-{kab} membacakan ikrar damai menjaga kerukunan antarumat beragama dan antarsuku."),
        ("prevention", 0, "Pemkab {kab} membentuk forum pembauran kebangsaan sebagai wadah dialog warga dari berbagai suku dan agama."),
    ],
    "resource": [
        ("incident", 1, "Ratusan warga {desa_word} {desa} berunjuk rasa di kantor DPRD {kab} menuntut PT {company} mengembalikan lahan adat seluas {ha} hektare."),
        ("incident", 1, "Nelayan tradisional {kec} berunjuk rasa di pelabuhan memprotes kapal pukat harimau yang beroperasi di wilayah tangkap mereka."),
        ("incident", 2, "Warga {desa_word} {desa} memblokade jalan angkutan batu bara milik PT {company} sejak {day} karena sengketa lahan yang tak kunjung selesai."),
        ("incident", 2, "Massa menduduki areal perkebunan sawit PT {company} di {kec_word} {kec} dan menahan dua unit alat berat perusahaan."),
        ("incident", 2, "Warga membakar kamp pekerja PT {company} setelah perusahaan itu kembali membuka lahan yang diklaim sebagai hutan adat."),
        ("incident", 3, "Bentrokan antara warga dan petugas keamanan perusahaan perkebunan di {kec_word} {kec} menewaskan {n_dead} warga."),
        ("incident", 3, "+communal_violence|Sengketa lahan antara dua desa di {kec_word} {kec} berujung bentrok; {n_dead} orang meninggal dunia dan belasan rumah dibakar."),
        ("tension", 1, "Warga {desa_word} {desa} mengancam akan menduduki lahan yang digarap PT {company} jika tuntutan ganti rugi tidak dipenuhi pekan ini."),
        ("tension", 1, "Sengketa lahan antara petani dan perusahaan tambang di {kec_word} {kec} kembali memanas setelah perusahaan memasang patok baru di kebun warga."),
        ("tension", 1, "Nelayan {kec} mengeluhkan pencemaran sungai oleh limbah tambang PT {company} dan berencana menggelar aksi besar-besaran."),
        ("prevention", 0, "Pemkab {kab} membentuk tim terpadu penyelesaian sengketa lahan antara warga dan perusahaan perkebunan."),
        ("prevention", 0, "Mediasi antara warga {desa_word} {desa} dan PT {company} yang difasilitasi pemerintah daerah menghasilkan kesepakatan ganti rugi lahan."),
        ("prevention", 0, "Badan Pertanahan Nasional {kab} mempercepat sertifikasi tanah warga untuk mencegah sengketa agraria dengan perusahaan."),
    ],
    "boundary": [
        ("incident", 1, "Warga {desa_word} {desa} menggelar aksi damai menolak penetapan batas desa dengan {desa_word} {desa2} yang dinilai merugikan mereka."),
        ("incident", 1, "Warga perbatasan di {kec_word} {kec} memprotes pergeseran patok batas negara yang dinilai mengurangi wilayah Indonesia."),
        ("incident", 2, "Warga mencabut dan merusak patok batas yang dipasang tim penegasan batas daerah antara {kab} dan kabupaten tetangga."),
        ("incident", 2, "Warga dua desa yang bersengketa tapal batas di {kec_word} {kec} saling memblokade jalan penghubung sehingga aktivitas warga lumpuh."),
        ("incident", 2, "Aparat negara tetangga menahan {n_small_num} nelayan asal {kab} yang diduga melintasi batas perairan di sekitar Laut Sulawesi."),
        ("incident", 3, "+communal_violence|Bentrokan akibat sengketa tapal batas antara {desa_word} {desa} dan {desa_word} {desa2} menewaskan {n_dead} orang."),
        ("tension", 1, "Sengketa batas wilayah antara {kab} dan kabupaten tetangga kembali mencuat karena kedua pemerintah daerah sama-sama mengklaim {desa_word} {desa}."),
        ("tension", 1, "Warga {desa_word} {desa} resah setelah kebun mereka disebut masuk wilayah desa tetangga dalam peta batas yang baru."),
        ("prevention", 0, "Tim Penegasan Batas Daerah memfasilitasi pertemuan kepala {desa_word} {desa} dan {desa2} untuk menyelesaikan sengketa tapal batas secara musyawarah."),
        ("prevention", 0, "Pemerintah provinsi {prov} dan Kemendagri menggelar rapat penegasan batas antara {kab} dan kabupaten tetangga agar sengketa tidak berlarut."),
    ],
    "governance": [
        ("incident", 1, "Ratusan mahasiswa berunjuk rasa di depan kantor DPRD {kab} menolak kenaikan tarif air bersih yang dinilai memberatkan warga."),
        ("incident", 1, "Warga {desa_word} {desa} menggelar aksi di kantor desa menuntut pengusutan dugaan korupsi dana desa oleh kepala desa."),
        ("incident", 2, "Unjuk rasa menolak kebijakan pemerintah daerah di kantor bupati {kab} berakhir ricuh; massa melempari gedung dengan batu dan memecahkan kaca."),
        ("incident", 2, "Warga menyegel kantor {desa_word} {desa} dan memblokade jalan provinsi karena bantuan sosial tidak kunjung disalurkan."),
        ("incident", 3, "Kerusuhan saat demonstrasi di {kab} menewaskan {n_dead} orang, sementara sejumlah kantor pemerintah dibakar massa."),
        ("tension", 1, "Aliansi mahasiswa {kab} menyatakan akan menggelar aksi besar-besaran pekan depan jika DPRD tidak membatalkan kenaikan pajak daerah."),
        ("tension", 1, "Kebijakan relokasi pedagang pasar {kec} menuai protes; para pedagang menolak pindah dan menuding pemerintah tidak transparan."),
        ("tension", 1, "Warga {kec} mengeluhkan pemadaman listrik bergilir yang berlangsung berminggu-minggu dan mengancam menggeruduk kantor PLN."),
        ("prevention", 0, "Pemkab {kab} membuka ruang dialog dengan perwakilan mahasiswa sehingga rencana aksi menolak kenaikan tarif dibatalkan."),
        ("prevention", 0, "Ombudsman dan Inspektorat {kab} menggelar forum pengaduan pelayanan publik untuk meredam keluhan warga sebelum berujung protes."),
    ],
    "labor": [
        ("incident", 1, "Ratusan buruh PT {company} mogok kerja menuntut pembayaran upah tiga bulan yang tertunggak."),
        ("incident", 1, "Karyawan PT {company} berunjuk rasa di depan kantor perusahaan menolak pemutusan hubungan kerja sepihak terhadap {n_big} pekerja."),
        ("incident", 2, "Aksi mogok buruh PT {company} memanas; pekerja memblokir gerbang pabrik dan merusak pos satpam."),
        ("incident", 2, "Buruh perkebunan PT {company} menduduki kantor manajemen dan menghentikan operasional pabrik kelapa sawit selama dua hari."),
        ("incident", 3, "Bentrokan antara buruh dan aparat saat aksi mogok di kawasan industri {kab} menewaskan {n_dead} pekerja."),
        ("incident", 3, "+communal_violence|Kerusuhan di area smelter {kab} antara pekerja lokal dan pekerja asing menewaskan {n_dead} orang dan membakar puluhan mes karyawan."),
        ("tension", 1, "Serikat pekerja PT {company} mengancam mogok kerja massal jika perusahaan tetap memangkas tunjangan karyawan."),
        ("tension", 1, "Ratusan pekerja PT {company} resah karena gaji mereka belum dibayar selama tiga bulan dan manajemen belum memberi kepastian."),
        ("prevention", 0, "Dinas Tenaga Kerja {kab} memfasilitasi perundingan bipartit antara manajemen PT {company} dan serikat pekerja, dan kedua pihak sepakat soal pembayaran upah."),
        ("prevention", 0, "Dewan Pengupahan {kab} menggelar sosialisasi upah minimum kepada pengusaha dan serikat buruh untuk mencegah perselisihan hubungan industrial."),
    ],
    "communal_violence": [
        ("incident", 2, "Tawuran antarpelajar pecah di {kec_word} {kec}; {n_injured} pelajar luka terkena senjata tajam dan batu."),
        ("incident", 2, "Seorang pria yang diduga mencuri sepeda motor dihajar massa hingga babak belur di {desa_word} {desa} sebelum diamankan polisi."),
        ("incident", 2, "Massa membakar rumah seorang warga {desa_word} {desa} yang dituduh sebagai dukun santet."),
        ("incident", 2, "Dua kelompok pemuda dari kampung yang bertetangga di {kec_word} {kec} terlibat perkelahian massal; {n_injured} orang luka-luka."),
        ("incident", 3, "Seorang terduga pencuri tewas dihakimi massa di {desa_word} {desa}, {kec_word} {kec}."),
        ("incident", 3, "Bentrok antarkampung di {kec_word} {kec} menewaskan {n_dead} orang; puluhan rumah hangus dibakar dan ratusan warga mengungsi."),
        ("incident", 3, "Perang antarkelompok warga di {kec_word} {kec} kembali pecah; {n_dead} orang tewas terkena panah dan puluhan honai dibakar."),
        ("tension", 1, "Pascaperkelahian antarpemuda di {kec_word} {kec}, dua kelompok warga saling ancam di media sosial dan polisi berjaga di perbatasan kedua kampung."),
        ("tension", 1, "Warga {desa_word} {desa} berkumpul sambil membawa senjata tajam setelah beredar kabar akan ada serangan balasan, namun berhasil ditenangkan aparat."),
        ("prevention", 0, "Polres {kab} mendamaikan dua kelompok pemuda yang kerap terlibat tawuran melalui ikrar damai di hadapan tokoh masyarakat."),
        ("prevention", 0, "Tokoh adat kedua kampung di {kec_word} {kec} menggelar upacara perdamaian adat untuk mengakhiri dendam lama antarwarga."),
    ],
    "security": [
        ("incident", 1, "Densus 88 Antiteror menangkap {n_small_num} terduga teroris di {kec_word} {kec} yang diduga terhubung dengan jaringan radikal."),
        ("incident", 2, "Kelompok kriminal bersenjata membakar gedung sekolah dan menembaki pos aparat di {kec_word} {kec}; seorang prajurit luka tembak."),
        ("incident", 2, "Baku tembak antara aparat gabungan dan kelompok bersenjata terjadi di {kec_word} {kec}; warga sempat mengungsi ke gereja dan kantor distrik."),
        ("incident", 3, "Serangan kelompok bersenjata di {kec_word} {kec} menewaskan {n_dead} warga sipil yang sedang bekerja membangun jalan."),
        ("incident", 3, "Ledakan bom bunuh diri di depan markas polisi di {kab} menewaskan {n_dead} orang dan melukai belasan lainnya."),
        ("tension", 1, "Polisi meningkatkan kewaspadaan setelah beredar surat ancaman dari kelompok bersenjata yang meminta warga pendatang meninggalkan {kec_word} {kec}."),
        ("tension", 1, "Aparat mendeteksi penyebaran paham radikal melalui kajian tertutup di {kab} dan kini memantau sejumlah orang yang diduga terpapar."),
        ("tension", 1, "Warga menemukan {n_small_num} pucuk senjata api rakitan dan amunisi yang disembunyikan di kebun di {kec_word} {kec}."),
        ("prevention", 0, "BNPT dan FKPT {prov} menggelar sosialisasi pencegahan radikalisme dan terorisme bagi pelajar dan guru di {kab}."),
        ("prevention", 0, "TNI dan Polri menggelar patroli gabungan di wilayah perbatasan {kab} untuk mengantisipasi gangguan keamanan."),
    ],
    "disinformation": [
        ("incident", 2, "+communal_violence|Hoaks penculikan anak yang beredar di grup WhatsApp memicu amuk massa di {desa_word} {desa}; seorang pria yang dicurigai dikeroyok warga."),
        ("incident", 1, "Ratusan warga mendatangi kantor polisi di {kab} setelah termakan kabar bohong di media sosial tentang penangkapan tokoh mereka."),
        ("incident", 2, "+identity|Unggahan provokatif bernada SARA di media sosial memicu massa merusak sebuah toko di {kec_word} {kec}."),
        ("tension", 1, "Beredar hoaks di media sosial yang menyebut akan ada serangan ke {kec_word} {kec}; polisi memastikan kabar itu tidak benar dan meminta warga tidak terprovokasi."),
        ("tension", 1, "Video lama kerusuhan di daerah lain disebarkan ulang dengan narasi seolah terjadi di {kab}, sehingga warga panik."),
        ("tension", 1, "+election|Akun anonim menyebarkan kabar bohong soal kecurangan penghitungan suara di {kab} dan mengajak warga mengepung kantor KPU."),
        ("tension", 1, "+identity|Pesan berantai berisi provokasi terhadap kelompok agama tertentu menyebar di {kab}; polisi memburu penyebarnya."),
        ("prevention", 0, "Diskominfo {kab} menggelar pelatihan literasi digital untuk menangkal hoaks dan ujaran kebencian menjelang pemilu."),
        ("prevention", 0, "Polda {prov} membentuk satgas siber untuk memantau konten provokatif dan hoaks yang berpotensi memicu konflik."),
    ],
}

# --- articles that are not about social conflict: (topic, tone, template); traps are marked
NONE_LEADS: list[tuple[str, str, str]] = [
    ("ceremony", "positive", "Bupati {kab} meresmikan jembatan gantung yang menghubungkan {desa_word} {desa} dengan pusat {kec_word} {kec}."),
    ("ceremony", "positive", "Pemkab {kab} menggelar festival budaya tahunan yang menampilkan tarian dan kuliner khas daerah."),
    ("economy", "neutral", "Harga cabai rawit di pasar tradisional {kab} naik menjadi Rp{price} per kilogram menjelang hari raya."),
    ("health", "positive", "Dinas Kesehatan {kab} menggelar vaksinasi campak bagi {n_big} anak di {kec_word} {kec}."),
    ("education", "neutral", "Sebanyak {n_big} siswa SMA di {kab} mengikuti ujian berbasis komputer pekan ini."),
    ("infrastructure", "neutral", "Pembangunan jalan perbatasan sepanjang {n_small_num}0 kilometer di {kec_word} {kec} ditargetkan rampung akhir tahun."),
    ("tourism", "positive", "Kunjungan wisatawan ke pantai-pantai di {kab} meningkat selama libur panjang akhir pekan."),
    ("agriculture", "neutral", "Petani di {kec_word} {kec} mulai memasuki musim tanam padi setelah hujan turun merata."),
    ("government", "neutral", "Bupati {kab} melantik {n_small_num}0 pejabat administrator dan pengawas di lingkungan pemerintah kabupaten."),
    ("sport", "positive", "Lomba perahu tradisional di Sungai {kec} diikuti puluhan tim dari berbagai desa."),
    ("energy", "neutral", "PLN menambah kapasitas pembangkit listrik di {kab} untuk melayani pelanggan baru di {kec_word} {kec}."),
    ("trap_drugs", "neutral", "Polres {kab} menyatakan perang melawan narkoba dan memusnahkan {n_big} gram sabu hasil pengungkapan sepanjang bulan ini."),
    ("trap_drugs", "neutral", "BNN {kab} menggelar razia di sejumlah tempat hiburan malam sebagai bagian dari perang terhadap peredaran narkoba."),
    ("trap_heart", "negative", "Seorang jemaah haji asal {kab} meninggal dunia akibat serangan jantung saat menunaikan ibadah di Tanah Suci."),
    ("trap_heart", "negative", "Mantan pejabat {kab} itu wafat setelah mengalami serangan jantung di rumahnya di {kec_word} {kec}."),
    ("trap_football", "neutral", "Laga panas antara PS {kab} dan tim tamu berakhir imbang 2-2; kedua tim saling serang sejak menit awal."),
    ("trap_football", "positive", "PS {kab} menggempur pertahanan lawan dan menang telak 3-0 dalam derbi yang berlangsung panas di stadion kebanggaan warga."),
    ("trap_football", "neutral", "Suporter memadati stadion untuk menyaksikan bentrok kedua tim di babak final turnamen sepak bola antar-kecamatan."),
    ("trap_disaster", "negative", "Banjir merendam ratusan rumah di {kec_word} {kec}; sedikitnya {n_big} warga mengungsi ke tempat yang lebih tinggi."),
    ("trap_disaster", "negative", "Tanah longsor di {desa_word} {desa} menewaskan {n_dead} orang dan merusak belasan rumah."),
    ("trap_disaster", "negative", "Kebakaran melanda permukiman padat di {kec_word} {kec}; {n_small_num}0 rumah hangus dan ratusan jiwa kehilangan tempat tinggal."),
    ("trap_disaster", "negative", "Kebakaran hutan dan lahan di {kab} meluas hingga {ha} hektare, dan kabut asap mulai mengganggu penerbangan."),
    ("trap_crime", "negative", "Polisi menangkap seorang pria yang menusuk tetangganya di {desa_word} {desa} karena persoalan utang."),
    ("trap_crime", "negative", "Komplotan pencuri sepeda motor yang beraksi di {kab} ditangkap polisi setelah buron dua bulan."),
    ("trap_crime", "negative", "Kecelakaan lalu lintas di jalan trans {prov} menewaskan {n_dead} orang setelah sebuah truk menabrak minibus."),
    ("trap_crime", "negative", "Polisi menggagalkan penyelundupan {n_small_num} kilogram sabu melalui pelabuhan tikus di {kab}."),
    ("trap_other", "neutral", "Mesin kapal motor yang membawa {n_small_num}0 penumpang mogok di tengah sungai sehingga penumpang harus dievakuasi."),
    ("trap_other", "negative", "Serangan hama wereng merusak ratusan hektare sawah di {kec_word} {kec} dan petani terancam gagal panen."),
    ("trap_other", "neutral", "Konflik antara manusia dan satwa liar meningkat setelah beruang madu masuk ke kebun warga di {kec_word} {kec}."),
    ("trap_other", "neutral", "Maskapai terlibat perang tarif di rute {kab}-Balikpapan sehingga harga tiket turun menjelang liburan."),
    ("trap_other", "negative", "Tabung gas elpiji meledak di sebuah warung makan di {kec_word} {kec}; pemilik warung mengalami luka bakar."),
]

NONE_DETAILS: dict[str, list[str]] = {
    "general": [
        "Kegiatan tersebut dihadiri unsur pimpinan daerah, camat, dan para kepala desa.",
        "Pemerintah daerah berharap program ini dapat dirasakan langsung manfaatnya oleh masyarakat.",
        "Menurut data dinas terkait, angka itu naik dibandingkan tahun lalu.",
        "Warga menyambut baik kegiatan tersebut dan berharap dapat digelar setiap tahun.",
        "Anggaran kegiatan bersumber dari APBD dan dana bagi hasil.",
    ],
    "disaster": [
        "Petugas mengimbau warga tetap waspada dan mengikuti arahan petugas di lapangan.",
        "Proses evakuasi dibantu relawan, BPBD, dan tim SAR gabungan.",
        "Pemerintah daerah menyalurkan bantuan makanan, selimut, dan obat-obatan bagi warga terdampak.",
    ],
    "crime": [
        "Kasus tersebut kini ditangani penyidik dan pelaku terancam hukuman penjara.",
        "Polisi masih mendalami motif pelaku dan memeriksa sejumlah saksi.",
    ],
    "sport": [
        "Pertandingan disaksikan ribuan penonton dan berlangsung sportif hingga peluit akhir.",
        "Pelatih berharap timnya dapat mempertahankan performa pada laga berikutnya.",
    ],
}
DETAIL_KIND = {"trap_disaster": "disaster", "trap_crime": "crime", "trap_drugs": "crime", "trap_heart": "general",
               "trap_football": "sport", "sport": "sport"}

DETAILS: dict[str, list[str]] = {
    "incident1": [
        "Aksi berlangsung tertib dan dikawal puluhan personel gabungan TNI-Polri.",
        "Massa membubarkan diri setelah perwakilan mereka diterima pejabat setempat untuk berdialog.",
        "Para peserta aksi membentangkan spanduk dan bergantian berorasi.",
        "Tidak ada kerusakan dalam aksi tersebut, namun arus lalu lintas sempat tersendat.",
    ],
    "incident2": [
        "{n_injured} orang dilaporkan luka-luka dan dilarikan ke RSUD {kab}.",
        "Polisi menembakkan gas air mata untuk membubarkan massa yang terus melempar batu.",
        "Akibat kejadian itu, aktivitas warga dan kendaraan di jalur tersebut lumpuh selama beberapa jam.",
        "Sejumlah fasilitas umum dan kendaraan rusak, dan polisi mengamankan {n_small_num} orang yang diduga provokator.",
    ],
    "incident3": [
        "Korban meninggal dunia dievakuasi ke RSUD {kab}, sementara belasan korban luka masih dirawat.",
        "Ratusan warga mengungsi ke kantor polisi dan gedung sekolah karena takut terjadi serangan susulan.",
        "Aparat gabungan TNI-Polri dikerahkan untuk menyekat kedua kelompok dan memburu para pelaku.",
        "Situasi mencekam; toko-toko tutup dan warga memilih bertahan di dalam rumah.",
    ],
    "tension": [
        "Polisi menempatkan personel di sejumlah titik untuk mengantisipasi kemungkinan gangguan keamanan.",
        "Hingga berita ini diturunkan, belum ada aksi lanjutan, namun situasi masih dipantau aparat.",
        "Warga berharap pemerintah segera turun tangan sebelum persoalan ini meluas.",
        "Sejumlah tokoh masyarakat meminta semua pihak menahan diri dan tidak mudah terpancing.",
    ],
    "prevention": [
        "Kegiatan ini diikuti unsur Forkopimda, tokoh agama, tokoh adat, dan tokoh pemuda.",
        "Pertemuan ditutup dengan penandatanganan kesepakatan bersama untuk menjaga situasi tetap kondusif.",
        "Dalam rapat itu dipaparkan peta daerah rawan konflik, termasuk riwayat bentrok antarwarga dan tawuran pada tahun-tahun sebelumnya.",
        "Deteksi dini dan komunikasi yang baik antarlembaga disebut menjadi kunci agar konflik sosial tidak pecah.",
        "Peserta juga membahas langkah antisipasi bila terjadi kerusuhan, demonstrasi anarkis, atau penyebaran hoaks.",
    ],
}

QUOTES: dict[str, dict[str, list[str]]] = {
    "incident": {
        "official": ["Kami sudah mengamankan lokasi dan meminta warga tidak terprovokasi. Situasi berangsur kondusif",
                     "Para pelaku akan kami proses sesuai hukum yang berlaku, siapa pun mereka",
                     "Kami turut prihatin dan pemerintah akan menanggung biaya perawatan korban"],
        "community": ["Kami hanya menuntut hak kami, tetapi tidak pernah didengar",
                      "Kami takut, semalaman warga tidak berani tidur"],
    },
    "tension": {
        "official": ["Kami mengimbau masyarakat menahan diri dan menyerahkan persoalan ini kepada aparat",
                     "Situasi masih aman terkendali, tetapi kami tetap siaga"],
        "community": ["Kalau tuntutan kami tidak dipenuhi, kami akan turun dengan massa yang lebih besar",
                      "Kami meminta pemerintah segera memfasilitasi penyelesaian sebelum terlambat"],
    },
    "prevention": {
        "official": ["Mencegah jauh lebih baik daripada menangani konflik setelah terjadi",
                     "Kami ingin memastikan seluruh tahapan berjalan aman, damai, dan kondusif"],
        "community": ["Kerukunan yang sudah terjaga selama ini harus kita rawat bersama",
                      "Semua pihak sudah sepakat menyelesaikan persoalan lewat musyawarah"],
    },
}

SPEAKER_FOR = {
    "election": ["election", "police"], "identity": ["religious", "police", "gov"],
    "resource": ["community", "gov", "police"], "boundary": ["gov", "community"],
    "governance": ["community", "gov"], "labor": ["labor", "police"],
    "communal_violence": ["police", "community", "military"], "security": ["police", "military"],
    "disinformation": ["police", "gov"],
}

TITLES: dict[str, dict[str, list[str]]] = {
    "election": {"incident": ["Protes Hasil Pemilihan di {kab}", "Tahapan Pilkada {kab} Diwarnai Insiden"],
                 "tension": ["Hasil Pilkada {kab} Dipersoalkan", "Suhu Politik {kab} Memanas"],
                 "prevention": ["Jaga Pilkada {kab} Tetap Damai", "Pengamanan Pemilu di {kab} Diperkuat"]},
    "identity": {"incident": ["Insiden Bernuansa SARA di {kab}", "Gangguan terhadap Rumah Ibadah di {kab}"],
                 "tension": ["Isu SARA Resahkan Warga {kab}", "Hubungan Antarwarga di {kab} Menegang"],
                 "prevention": ["Merawat Kerukunan di {kab}", "Tokoh Lintas Agama {kab} Serukan Damai"]},
    "resource": {"incident": ["Sengketa Lahan di {kab} Berujung Aksi", "Konflik Warga dan Perusahaan di {kec}"],
                 "tension": ["Sengketa Lahan di {kab} Memanas", "Warga {desa} Tuntut Hak atas Lahan"],
                 "prevention": ["Penyelesaian Sengketa Lahan di {kab}", "Mencegah Konflik Agraria di {kab}"]},
    "boundary": {"incident": ["Sengketa Batas Wilayah di {kab} Memicu Aksi"],
                 "tension": ["Sengketa Batas {kab} Kembali Mencuat"],
                 "prevention": ["Penegasan Batas Desa Lewat Musyawarah"]},
    "governance": {"incident": ["Warga {kab} Protes Kebijakan Pemerintah", "Aksi Protes di {kab}"],
                   "tension": ["Kebijakan Pemkab {kab} Menuai Protes", "Warga {kab} Ancam Gelar Aksi"],
                   "prevention": ["Pemkab {kab} Buka Ruang Dialog"]},
    "labor": {"incident": ["Aksi Pekerja di {kab}", "Buruh {kab} Tuntut Hak"],
              "tension": ["Perselisihan Perburuhan di {kab} Memanas", "Pekerja {kab} Resah"],
              "prevention": ["Perselisihan Kerja di {kab} Menemui Titik Temu"]},
    "communal_violence": {"incident": ["Kekerasan Massa di {kec}", "Bentrok Warga di {kec}"],
                          "tension": ["Dua Kelompok Warga di {kec} Saling Ancam"],
                          "prevention": ["Ikrar Damai Warga {kec}", "Perdamaian Warga di {kec}"]},
    "security": {"incident": ["Gangguan Keamanan di {kab}", "Insiden Keamanan di {kec}"],
                 "tension": ["Aparat {kab} Tingkatkan Kewaspadaan"],
                 "prevention": ["Cegah Radikalisme dan Gangguan Keamanan di {kab}"]},
    "disinformation": {"incident": ["Hoaks Picu Aksi Massa di {kab}"],
                       "tension": ["Hoaks Beredar di {kab}", "Polisi Minta Warga {kab} Tak Terprovokasi"],
                       "prevention": ["Tangkal Hoaks di {kab}"]},
}

PREVENTION_GENERIC = [
    "Forkopimda {kab} menggelar rapat koordinasi tim terpadu penanganan konflik sosial di aula kantor bupati.",
    "Kesbangpol {kab} menggelar forum kewaspadaan dini masyarakat untuk memetakan potensi konflik di setiap kecamatan.",
    "Polres {kab} menggelar apel kesiapsiagaan dan simulasi pengendalian massa untuk mengantisipasi gangguan kamtibmas.",
]

# --- more leads with other sentence shapes (passive, reported, headline-like) for lexical variety.
# Written without reference to the holdout set (nlp/conflict/handwritten/holdout.txt).
LEADS["election"] += [
    ("incident", 1, "Sebanyak {n_big} relawan salah satu kandidat mendatangi kantor Bawaslu {kab} untuk memprotes dugaan kecurangan di {kec_word} {kec}."),
    ("incident", 2, "Petugas KPPS di {desa_word} {desa} diintimidasi dan kotak suara sempat direbut sekelompok orang sebelum diamankan polisi."),
    ("incident", 1, "Saksi dari dua pasangan calon meninggalkan rapat pleno KPU {kab} sebagai bentuk protes, disusul aksi pendukung mereka di luar gedung."),
    ("tension", 1, "Kedua kubu calon bupati {kab} saling klaim kemenangan berdasarkan hitung cepat versi masing-masing, sementara massa mulai berkumpul di posko pemenangan."),
    ("tension", 1, "Pendukung petahana dan penantang di {kab} saling lapor ke Bawaslu atas dugaan pelanggaran kampanye."),
    ("prevention", 0, "Bawaslu {kab} mengajak tokoh agama dan tokoh adat mengawasi politik uang serta menjaga suasana tetap sejuk selama masa kampanye."),
]
LEADS["identity"] += [
    ("incident", 2, "Kegiatan penghayat kepercayaan di {desa_word} {desa} dibubarkan paksa oleh sekelompok orang, dan sejumlah peralatan ibadah dirusak."),
    ("incident", 1, "Ratusan orang dari sebuah ormas keagamaan menggelar aksi di {kab} memprotes pernyataan seorang pejabat yang dinilai menghina agama mereka."),
    ("tension", 1, "Sebuah video yang melecehkan adat suku setempat viral, dan tokoh adat memberi waktu tiga hari kepada pembuatnya untuk meminta maaf."),
    ("prevention", 0, "Kapolres {kab} bersilaturahmi dengan pengurus gereja, masjid, dan pura untuk memastikan perayaan hari besar keagamaan berlangsung aman."),
]
LEADS["resource"] += [
    ("incident", 2, "Warga {desa_word} {desa} menyegel sumur minyak milik PT {company} karena limbahnya mencemari sawah dan tambak."),
    ("incident", 1, "Kelompok tani {kec} berunjuk rasa di kantor BPN {kab} menuntut pembatalan sertifikat hak guna usaha PT {company} di atas kebun mereka."),
    ("incident", 3, "Dua orang meninggal dan beberapa lainnya terluka dalam bentrokan antara penambang liar dan warga pemilik lahan di {kec_word} {kec}."),
    ("tension", 1, "Petani di {kec_word} {kec} menolak rencana pembangunan bendungan yang akan menenggelamkan kebun mereka dan bersiap menghadang alat berat."),
]
LEADS["boundary"] += [
    ("incident", 2, "Warga dua kampung di {kec_word} {kec} saling cabut papan nama desa yang dipasang di wilayah yang disengketakan."),
    ("tension", 1, "Perbedaan peta batas antara {kab} dan kabupaten tetangga membuat penyaluran dana desa untuk {desa_word} {desa} tertahan, dan warga mulai kesal."),
    ("prevention", 0, "Kementerian Dalam Negeri menerbitkan peraturan penegasan batas antara {kab} dan kabupaten tetangga setelah kedua pemerintah daerah sepakat."),
]
LEADS["governance"] += [
    ("incident", 1, "Ratusan pedagang pasar {kec} berunjuk rasa di kantor bupati {kab} menolak kenaikan retribusi los pasar."),
    ("incident", 2, "Mahasiswa yang menolak rancangan peraturan daerah di {kab} menerobos pagar gedung DPRD; beberapa peserta aksi dan petugas terluka."),
    ("tension", 1, "Warga {kec} mengeluhkan air PDAM yang mati berhari-hari dan menyatakan akan mendatangi kantor bupati bila tidak ada perbaikan."),
]
LEADS["labor"] += [
    ("incident", 1, "Ratusan anak buah kapal berunjuk rasa di pelabuhan {kab} menuntut pembayaran gaji yang ditahan pemilik kapal."),
    ("incident", 2, "Buruh bongkar muat menutup akses dermaga {kab} memprotes tarif baru yang ditetapkan pengelola pelabuhan."),
    ("tension", 1, "Ribuan pekerja tambang di {kab} terancam dirumahkan, dan serikat pekerja menyiapkan aksi bila perusahaan tetap melakukan PHK."),
]
LEADS["communal_violence"] += [
    ("incident", 2, "Keributan antarpemuda di acara pesta pernikahan di {desa_word} {desa} meluas menjadi perkelahian massal; beberapa rumah dirusak."),
    ("incident", 3, "Massa membakar puluhan rumah di {desa_word} {desa} setelah seorang warga tewas ditikam dalam perkelahian antarkampung."),
    ("tension", 1, "Pemuda dari dua kampung di {kec_word} {kec} saling tantang di media sosial setelah laga sepak bola antarkampung berakhir ricuh."),
]
LEADS["security"] += [
    ("incident", 2, "Pos polisi di {kec_word} {kec} diserang orang tak dikenal menggunakan senjata tajam; dua anggota polisi terluka."),
    ("incident", 1, "Aparat menggerebek sebuah rumah di {kab} yang diduga menjadi tempat perakitan senjata api untuk kelompok bersenjata."),
    ("tension", 1, "Intelijen kepolisian memantau sejumlah warga {kab} yang baru kembali dari luar negeri dan diduga pernah bergabung dengan jaringan teroris."),
]
LEADS["disinformation"] += [
    ("incident", 2, "+communal_violence|Termakan kabar bohong soal pencuri organ tubuh, warga {desa_word} {desa} menghajar dua orang pendatang yang sedang mencari alamat."),
    ("tension", 1, "Tangkapan layar percakapan palsu yang seolah-olah dari Bupati {kab} beredar dan memancing kemarahan warganet."),
    ("prevention", 0, "Kominfo dan tokoh pemuda {kab} membentuk relawan antihoaks yang bertugas meluruskan kabar bohong di grup-grup warga."),
]
NONE_LEADS += [
    ("economy", "positive", "Ekspor udang beku dari {kab} meningkat tajam pada triwulan ini berkat pembukaan pasar baru."),
    ("health", "neutral", "Puskesmas {kec} membuka layanan pemeriksaan kesehatan gratis bagi warga lanjut usia setiap Jumat."),
    ("religion", "positive", "Ribuan umat memadati lapangan {kab} untuk mengikuti salat Idulfitri yang berlangsung khidmat."),
    ("education", "positive", "Universitas negeri di {prov} membuka program studi baru di bidang kehutanan dan perikanan."),
    ("trap_disaster", "negative", "Angin puting beliung merusak puluhan rumah di {desa_word} {desa}; tiga warga mengalami luka ringan."),
    ("trap_crime", "negative", "Seorang kurir narkoba ditembak kakinya oleh polisi karena melawan saat hendak ditangkap di {kab}."),
    ("trap_other", "neutral", "Nelayan {kec} berlomba-lomba menyerbu pasar ikan karena harga solar nelayan turun."),
    ("trap_football", "neutral", "Dua tim raksasa liga lokal akan bentrok di final piala bupati {kab} pekan depan."),
]

# --- a third batch: other verbs, other actors, more short and more indirect phrasings
LEADS["election"] += [
    ("incident", 2, "Posko pemenangan salah satu calon legislatif di {kec_word} {kec} dirusak dan dibakar orang tak dikenal menjelang hari pencoblosan."),
    ("incident", 1, "Puluhan warga {desa_word} {desa} menyegel balai desa sebagai protes atas hasil pemilihan kepala desa yang dinilai curang."),
    ("tension", 1, "Ketegangan menyelimuti {kab} setelah seorang calon menolak menandatangani berita acara hasil penghitungan suara."),
    ("prevention", 0, "Para calon kepala desa di {kec_word} {kec} berjanji menerima hasil pemilihan dan menyelesaikan sengketa lewat jalur hukum."),
]
LEADS["identity"] += [
    ("incident", 2, "Acara adat sebuah komunitas di {desa_word} {desa} diserbu sekelompok pemuda mabuk yang melontarkan makian bernada kesukuan; beberapa tamu terluka."),
    ("incident", 3, "+communal_violence|Kekerasan antarkelompok agama di {kec_word} {kec} membuat {n_dead} orang meninggal dan ribuan warga mengungsi ke barak."),
    ("tension", 1, "Sebagian warga {desa_word} {desa} menolak kehadiran keluarga pendatang yang berbeda keyakinan dan meminta mereka pindah."),
    ("prevention", 0, "Lembaga adat dan majelis-majelis agama di {kab} sepakat membentuk tim mediasi bersama untuk menangani gesekan antarwarga."),
]
LEADS["resource"] += [
    ("tension", 1, "Klaim tumpang tindih atas kebun karet antara warga dan perusahaan hutan tanaman industri di {kec_word} {kec} belum juga selesai, dan warga mulai berjaga di kebun."),
    ("prevention", 0, "Perusahaan sawit di {kab} menandatangani nota kesepahaman dengan masyarakat adat tentang batas kebun dan pembagian hasil."),
]
LEADS["boundary"] += [
    ("incident", 1, "Warga {desa_word} {desa} menggelar aksi di kantor gubernur {prov} menolak keputusan yang memindahkan desa mereka ke kabupaten lain."),
    ("incident", 3, "+communal_violence|Perselisihan batas antarkampung di {kec_word} {kec} pecah menjadi bentrok berdarah; {n_dead} orang meninggal dan puluhan rumah terbakar."),
    ("tension", 1, "Aparat desa tetangga kembali memungut retribusi di wilayah yang diklaim {desa_word} {desa}, dan warga mengancam menutup jalan."),
]
LEADS["governance"] += [
    ("incident", 2, "Massa yang kecewa dengan pelayanan rumah sakit daerah {kab} merusak ruang tunggu dan memecahkan kaca loket."),
    ("incident", 3, "Unjuk rasa menentang pemekaran wilayah di {kab} berubah menjadi kerusuhan; {n_dead} orang tewas dan kantor pemerintah dibakar."),
    ("tension", 1, "Keputusan bupati {kab} mencopot sejumlah kepala desa memicu kemarahan warga, yang menyatakan akan menduduki kantor bupati."),
    ("prevention", 0, "DPRD {kab} memfasilitasi rapat dengar pendapat antara warga dan dinas terkait sehingga rencana demonstrasi ditunda."),
]
LEADS["labor"] += [
    ("incident", 2, "Ratusan pekerja tambang menutup jalan menuju lokasi pertambangan {kab} dan menghentikan seluruh kendaraan operasional perusahaan."),
    ("incident", 1, "Petugas kebersihan kota {kab} berhenti bekerja selama dua hari karena gaji mereka belum dibayar, sehingga sampah menumpuk."),
    ("tension", 1, "Rencana pemutusan hubungan kerja terhadap {n_big} karyawan PT {company} membuat para pekerja gelisah dan serikat pekerja bersiap melawan."),
    ("prevention", 0, "Pemkab {kab}, pengusaha, dan serikat pekerja menyepakati besaran upah minimum tanpa perselisihan."),
]
LEADS["communal_violence"] += [
    ("incident", 3, "Seorang warga yang dituduh menjadi pelaku santet di {desa_word} {desa} dibunuh oleh sekelompok orang, dan rumahnya dibakar."),
    ("tension", 1, "Warga dua dusun di {desa_word} {desa} saling curiga setelah beberapa ternak hilang, dan kedua pihak mulai membawa senjata tajam saat ke ladang."),
    ("prevention", 0, "Pemerintah desa dan polisi memfasilitasi perdamaian dua keluarga besar di {desa_word} {desa} yang berselisih sejak lama."),
]
LEADS["security"] += [
    ("incident", 3, "Baku tembak antara aparat keamanan dan kelompok separatis di {kec_word} {kec} menewaskan {n_dead} orang, termasuk seorang anggota TNI."),
    ("incident", 2, "Kelompok bersenjata menyandera {n_small_num} pekerja bangunan di {kec_word} {kec} dan menuntut tebusan."),
    ("prevention", 0, "Polres {kab} bersama tokoh agama menggelar program deradikalisasi bagi mantan narapidana terorisme."),
]
LEADS["disinformation"] += [
    ("incident", 2, "+identity|Sebuah rumah ibadah di {kec_word} {kec} dilempari setelah beredar kabar palsu bahwa pengurusnya menghina agama lain."),
]
NONE_LEADS += [
    ("economy", "neutral", "Bank daerah membuka kantor cabang baru di {kec_word} {kec} untuk melayani pelaku usaha kecil."),
    ("infrastructure", "positive", "Warga {desa_word} {desa} kini menikmati listrik 24 jam setelah jaringan PLN masuk ke desa mereka."),
    ("culture", "positive", "Sanggar tari dari {kab} tampil memukau di festival budaya tingkat nasional."),
    ("health", "neutral", "Dinas Kesehatan {kab} mengimbau warga mewaspadai diare selama musim kemarau."),
    ("trap_crime", "negative", "Dua pelaku perampokan toko emas di {kab} ditangkap setelah polisi menelusuri rekaman kamera pengawas."),
    ("trap_disaster", "negative", "Abrasi pantai di {kec_word} {kec} mengancam puluhan rumah warga dan jalan desa."),
    ("trap_other", "neutral", "Harga tiket kapal menuju {kab} naik menjelang libur sekolah karena lonjakan penumpang."),
    ("trap_football", "neutral", "Pertandingan tinju antarsasana di gedung olahraga {kab} berlangsung seru dan ditutup dengan kemenangan angka."),
]

# --- disasters and accidents with deaths and displacement: the vocabulary of violence, no conflict
NONE_LEADS += [
    ("trap_disaster", "negative", "Banjir bandang menerjang {desa_word} {desa}; {n_dead} warga meninggal dunia terseret arus dan ratusan lainnya mengungsi."),
    ("trap_disaster", "negative", "Gempa bumi merusak ratusan rumah di {kab}; {n_dead} orang tewas tertimpa bangunan dan ribuan warga tinggal di tenda pengungsian."),
    ("trap_disaster", "negative", "Angin puting beliung memorakporandakan {n_small_num}0 rumah di {kec_word} {kec}, memaksa warga mengungsi ke rumah kerabat."),
    ("trap_disaster", "negative", "Erupsi gunung api membuat {n_big} warga di lereng gunung mengungsi ke tempat yang aman."),
    ("trap_crime", "negative", "Sebuah kapal penumpang tenggelam di perairan {kab}; {n_dead} penumpang meninggal dan tim SAR masih mencari korban hilang."),
]
