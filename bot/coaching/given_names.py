"""Common given names from many cultures, lowercase: the strongest cue that a word is a person.

"Ask Nordstrom for a referral" and "Ask Gustavo for a referral" have the same shape; only the
word itself tells a company from a person. The list holds the Latin-script first names of the
person providers of the Faker project (MIT licence; census and registry lists for about 80
locales, the Cyrillic ones transliterated), plus common short forms and nicknames ("Jen",
"Olu") and romanised Chinese and Korean given names ("Bao", "Min-jun"), minus ordinary English
words ("will" and "hope" stay: as a capitalised word after "ask" they are names).

Kept as text inside a module (not a data file) so that it ships with every kind of install.
It is parsed once, at import.
"""

from __future__ import annotations

__all__ = ["GIVEN_NAMES"]

_NAMES = """
aaaqil aaban aabid aachal aada aadam aaden aadhya aadi aadil aafiya aage aagot aahana aahil aalam
aalee aalim aaliyah aamil aamir aamirah aanuoluwapo aapo aaqil aarav aarif aarini aariz aarna
aarnav aarne aaro aaron aarush aaryan aarón aashi aashif aashir aasif aasim aatif aatiq aatos aaus
aayan aayush aazim ab aba abaan abagail abayomi abb abbas abbey abbi abbie abbigail abbos abby
abdalla abdallah abdelatif abdelkader abdellah abderaouf abderrahmane abdi abdiel abdihakim
abdirahman abdiş abdu abduaziz abduboriy abdul abdulbekir abdulgazi abdulhamid abdulkadir abdullah
abdullahi abdulloh abdulmenaf abdulsemet abdumalik abdurahmon abdurrahman abdón abdülahat
abdülcemal abdülhadi abdülkerim abdülsamed abdürreşit abe abebi abednego abeer abeiku abel abela
abelardo abelone abena abeni abha abhimanyu abhiram abid abie abigael abigail abigaili abigale
abigayle abigaíl abilio abina abiodun abiona abiye ablen abner abosede abraham abram abril abror
abubakar abubakr abuzar abyasa acar acarkan ace acey achiel achieng achille achim achsah acie aclan
acy ada adaeze adah adak adal adalbert adalberto adaline adalyn adalynn adam adamaris adamina adamo
adams adan adasal adda addi addie addison addisyn addyson addý ade adean adebiyi adebowale
adebukola adedayo adedeji adekitan adekola adekunle adel adela adelaida adelaide adelard adelardo
adelasia adelbert adele adeleke adelgunde adelheid adelia adelin adelina adelinde adeline adell
adella adelle adelmo adelyn adelynn adelía adem aden adenike adeniyi adeolu adeoti adepeju aderopo
adesewa adeshina adesoji adesua adetayo adetoke adetoun adeyi adhiarja adhra adi adia adiarja
adiela adigun adika adikara adil adila adilene adilə adimu adin adina adinata adis adison aditya
adlai adlan adline admir admiral adnan adolf adolfine adolfo adolph adolphe adolphus adomas adonis
adora adoración adra adrain adria adriaan adrian adriana adriane adriania adrianna adrianne adriano
adriel adrien adriene adrienn adrienne adrija adrijana adriyan adrián adriána adron adrían adríana
adríel adunni advaith advay advik advika adviye adweta adwoa adya adyson adán adèle adéla adélaïde
adíel adólf adıgün aedan aedin aela aengus aenne afanasiy afaq afer aferdita affie afia afife afil
afinogen afiq afolarin afonso afra afrim afruza aftin afton afua afət agafon agafya agap agapi
agapito agapiy agastya agata agatha agathe agatopod aggey aggie aggrey agim agla aglaia aglay
aglaya agloida agnar agne agnea agnen agnes agnesa agnese agnesh agneshka agness agneta agnete agni
agnieszka agnolo agnos agnès agnė agop agostina agostino agripina agris agron agtsi agus agusta
agustin agustina agustus agustín agáta agða ah ahat ahmad ahmed ahmet ahsen ahter ahti aicha aida
aidan aideen aiden aidyn aidə aiga aigars aija aijuka aiko aila ailbhe aileen ailene aili ailis
ailish aimable aime aimee aimo aimé aimée aina ainara aine aino ainoa ainsley ainārs airi aisha
aishani aishling aisling aislinn aistis aisyah aitana aitor aivar aivaras aivars aiyana aiyanna aja
ajala ajan ajani ajda ajeng ajiman ajimat ajimin ajiono ajla ajna ajoke akalan akanmu akar akarsana
akashiya akatay akay akbar akbaş akboğa akcivan akdora akdurmuş akeelah akeem akemi akgöl akgüneş
aki akif akifə akim akinkunmi akinlabi akinwale akinyi akira akise akkerman akmal akmaner akmaral
akobir akos akosua akoth akram aksakusti aksay aksel akseli aksentiya akshay aksidan aksintiya
aksoy aksöğüt aktemür akua akulina akumaa akumu akver akwasi akwesi akyıldız akçabay akçasu aköz
akınal al ala alaaddin alabama alabezek alade aladin aladino alaeddin alain alaina alambana alamiro
alamu alan alana alanalp alani alanis alaniya alanna alannah alanta alanzo alara alastair alattin
alaya alayna alaz alba alban albano albeiro alberico albert alberta alberte albertha albertina
albertine alberto alberts albertus albin albina albino albion albiyana albrecht albulena alby albín
albína alcan alcee alcide alcides alcie alcira alda aldair aldar aldemar alden alderano aldin aldis
aldný aldo aldona aldonza aldís ale alea aleah alease alec alecia aleck aleen aleena aleg aleida
aleisha aleix alejandra alejandrina alejandro alejo alek aleks aleksandar aleksander aleksandr
aleksandra aleksandras aleksandrina aleksandrs aleksanteri aleksei aleksej aleksey aleksi aleksia
alekzandriyan alen alena alene alenka aleodor alesha alesia alessandra alessandro alessia alessio
aleta aletha alethea aletta alevandr alevtin alevtina alex alexandar alexande alexander alexandr
alexandra alexandre alexandrea alexandria alexandrie alexandrina alexandro alexandros alexandru
alexandría alexe alexei alexej alexi alexia alexina alexis alexus alexys alexzander alexía alexíus
aleš alf alfa alferd alfie alfio alfons alfonse alfonsina alfonso alfonz alfonzo alford alfred
alfreda alfredo alfreð alfréd alfrēds alfífa alger algernon algie algirdas algot algış ali alia
aliabbas aliana alica alice alicia alicja alida aliihsan alijah alika alin alina aline alinur
alirio aliro alis alisa alise aliseydi alisha alisiya alison alissa alisson alistair alistar
alister alivia alix aliya aliyah aliyu aliyə aliza alize alizée alja aljaž aljoša alka alkor alla
allahverdi allan allana allean alleen allegra allen allena allene alli allie alline allison
allisson ally allyn allyson allyssa allý alma almar almasi almast almaz almeda almedia almendra
almer almeta almina almir almira almon almond almudena almus almut almuth almyra alois aloisia
alojz alojzia alojzij alojzija aloma alondra alonso alonza alonzo aloys aloyse aloysius aloïs
alparslan alpcan alpha alpheus alphonce alphons alphonse alphonsine alphonso alphonsus alpin alpsü
alrekur alrún alsoy alston alta altaya altha althea altie altin alto alton altoğan altuğ altınbike
altınkaya altınçiçek altınışın alva alvah alvan alvar alvaro alve alveiro alvena alver alvera
alverda alverta alvia alvie alvilda alvin alvina alvira alvis alvy alvīne alwilda alwin alwina
alwine aly alya alyce alycia alys alysa alyse alysha alysia alyson alyssa alyssia alyvia alzina
alícia alída alína alís alísa alīda alışık alžbeta alžběta amada amadea amadeo amadeus amado amador
amahle amaia amaira amal amalia amalie amalija amaliya amalía amancio amanda amandine amando amani
amar amara amarachi amare amari amarilis amarion amaris amaro amaru amasa amaury amaya amaç ambar
amber amberly ambers ambr ambre ambrose ambrosio ambróz amedeo amedeu amel amela amelia amelie
amelija amelía america americo amerigo amey ami amiah amico amie amil amilía amin amina aminatu
amine amir amira amirah amit amiya amiyah amleto amma ammie ammon amoke amol amon amondi amope amor
amoriya amos amparo amra amre amri amrita amruta amvrosiy amy amy-lee amy-leigh amya amza amália
amélia amélie américa américo amílcar amír amíra amý amālija ana anabel anabela anabella anabelle
anacleto anahera anahi anahis anahí anaida anais analia analía anamaria anamariya anamika ananias
ananiy ananya anar anargül anaru anas anasa anastacia anastacio anastasia anastasie anastasio
anastasios anastasiya anastasía anastatia anastazja anastázie anatol anatole anatoli anatolie
anatolij anatoliy anatoliya anay anaya anaëlle anaís anaïs anca ancel ancil ancizar ancuța anda
anders anderson andika andile andiç andjela andjelina andon andor andra andrada andrae andre andrea
andreas andree andreea andrei andreia andrej andreja andrejka andrejs andrena andres andrew andrey
andrešs andri andria andrian andriana andrii andrija andrin andrina andris andrius andriy andron
andronik andrus andrzej andrá andrás andré andréa andréas andrée andrés andwele andy anděla ane
anej anel anelina anemona anes aneta anete anett anetta anette anežka anfernee anfinn angalia
angantýr angavu ange angel angela angele angeles angelia angelic angelica angelika angelina
angeline angelino angelique angelita angelka angella angelo angelíka anggabaya anghel anghelina
angi angie angus angèle angélica angélique anh ani anibal anica anice anicet anie aniela anika
anikey anikita anikó anil animira anina anirudh anis anisa anisim anissa anita anitra anitsa aniya
aniyah anișoara anja anjali anjanette anjelica anjolaoluwa anka anke ankica anmol ann ann-britt
ann-charlott ann-charlotte ann-christin ann-christine ann-kathrin ann-kristin ann-louise ann-mari
ann-marie ann-sofi ann-sofie anna anna-karin anna-lena anna-liisa anna-lisa anna-luise anna-maria
anna-marie annabel annabell annabella annabelle annah annak annalena annaliese annalisa annalise
annalísa annamae annamaria annamarie annamária annar annarr annas annastacia anne anne-catherine
anne-françoise anne-kathrin anne-katrin anne-laure anne-lise anne-marie anne-rose anne-sophie
annedore annegret annegrete annekatrin anneke annel anneleen annelene anneli annelie annelies
anneliese annelise annelore annelí annemarie annemette annemie annemijn anner annerose annes annet
annett annetta annette anney anni annibale annica annice annick annie anniina annija annika annikki
annina annis annita annmarie annukka annunziata anny annía anný anom anomaliya anon anona anoni
anouk ansaldo ansel anselm anselma anselmo ansgar ansh ansis ansley anson ansora anssi antal
antanas ante antero anthoney anthony antim antione antionette antip antje anto antoalina antoaneta
antoin antoine antoinette anton antone antonela antonella antonello antonetta antonette antoni
antonia antonie antonieta antonietta antonija antonin antonina antonino antonio antonios antoniu
antonius antons antony antonía antonín antoníus antoon antoņina antra ants antti antun antwain
antwan antwon antònia antónia antónio antônio anu anunciación anusha anuța anvar anvi anwar anya
anyango anyelo anyi anza anzhela anzhelika aníbal aníka anína aníta anđa anđela anže aodhan
aoibheann aoibhin aoibhinn aoife aongus apaydın apisara apolena apolinar apolinariya apollinariy
apolline apollo apollon apollonia apolonia apostolos april apríl aqil aquiles ara arabella araceli
aracely aradhana arah aral araliya araminta aran aranka aras arba arben arbey arbie arbnor arcan
arcelia arch archer archibald archie arda ardath ardelia ardell ardella ardelle arden ardeth ardian
ardis ardit ardita ardith ardyce ardís arefiy areli arely arent ares aretha arey arezki argemiro
argie argono argu arham ari aria ariadna arian ariana ariane arianna arianne aribert aric arie
ariel ariela ariella arielle arielė arietta arif arifcan arifə arijus arike ariki arild arilíus
arin arina arinbjörg arinbjörn arinola aris arisa arisara aristarkh aristide aristides aristița
arizona arja arjun arkadiusz arkadiy arkadiya arkhip arkie arkut arla arlan arland arleen arlen
arlena arlene arlet arleth arletta arlette arley arlie arlin arlind arlinda arline arlington arlis
arlo arly arlyn arlyne armahan arman armand armandas armande armando armands armani armas armelle
armend armenía armida armin arminas arminda arminta armond armstead arna arnald arnaldo arnaldur
arnar arnas arnau arnaud arnaude arnav arnberg arnbergur arnbjörg arnbjörn arnborg arnd arndt
arndís arndór arne arnes arnett arnetta arney arnfinna arnfinnur arnfreyr arnfried arnfríður
arngeir arngerður arngils arngrímur arngunnur arnheiður arnhildur arnie arnika arnim arnis arnkatla
arnkell arnlaug arnlaugur arnleif arnleifur arnljót arnljótur arnlín arnmundur arnmóður arno
arnoddur arnold arnoldas arnoldo arnolds arnošt arnrós arnrún arnsteinn arnulf arnulfo arnviður
arnór arnóra arnúlfur arnþrúður arnþór arnþóra aroa aroha aron aronas arpağ arpád arra arran arrie
arron arsen arsena arsenie arsenio arseniy arsim arsipatra art arta artan artanto artawan artelia
artem artemio artemisa artemiy arther arthor arthur arthúr artie artis arto arttu artturi artur
arturo arturs artúr artūras artūrs aru arunima arusi arvel arvid arvil arvilla arvin arvo arvydas
arvīds arya aryan aryana aryanna arziye arzu aránzazu aría aríanna aríel aríella arín arína arís
aríus arıel arıkol arıpınar arısoy arūnas asa asad asael asafe asake asalet asali asani asanti
asatira asberry asbjørn asbury ascensión asdrubal aselina asger asha ashanti ashby ashely asher
ashlea ashlee ashleigh ashlene ashley ashli ashlie ashling ashly ashlyn ashlynn ashton ashtyn asia
asif asifa asila asilbek asilə asiman asirwada asirwanda askja asko askold askur aslan aslanhan
aslijan asliye asma asmadi asman asmianto asmini asmira asmuni ason aspar aspen assa assar assia
assumpta assunta asta aston astrid astride astrit astromeriya asu asuka asunción aswani asírí asım
asəf ataahua atabala atagün atalay atalía atamoğlan atanas atanur atasagun atatöre atena atenulf
atfat atgun atha athanasios atharv atheel athena athman athuman athumani ati atiena atieno atila
atilhan atilio atina atinuke atit atiyye atla atlanta atlas atli atma atmaja atnan atsushi attaf
atte atticus attie attila attilio attracta atılgan aubra aubree aubrey aubrie aud aude audie audley
audra audrey audriana audrianna audrina audrius audry audy august augusta augustas auguste augustin
augustina augustine augusto augusts augustus augustín aukusti aulikki aulis aune aunyaporn aura
auraq aurel aurelia aurelian aureliana aureliano aurelien aurelija aurelio aurica aurică aurilla
aurimas aurora aurore aurthur aurélia aurélie aurélien aurėja ausma austar austen austin austine
austmann austmar auston austra austri austyn auther authur autry autumn auðbergur auðbert auðbjörg
auðbjörn auðbjört auðdís auðgeir auðkell auðlín auðmundur auðna auðný auðrún auðun auðunn auður
auðólfur aušra aušrinė ava avah avdey avel avelino aver averi averie averil averkiy averno avery
averyan avgiya avgust avgustian avgustin avi avie avigeya avis avksentiy avni avo avon avram avreli
avreliy avril avror avtonom avtorka avunç avşin awadil awamil awamiri awan awani awero awesi awhina
awj awlya awmar awrad axel axelle axelma axelía axenia axinte aya ayaan ayamin ayan ayana ayanna
ayasun ayaydın aybet aybora aybəniz aycagül aydan aydar aydemir ayden aydin aydinç ayduru aydın
aydınbey ayelén ayesha aygutalp aygönenç aygül aygün ayhan ayinde ayinke aykut aykutalp ayla ayleen
aylil aylin aylla ayman aymen aymeric aynilhayat aynur aynurə aynımah ayo ayodeji ayodele ayoka
ayoub aypar ayren aysar ayse aysel aysema aysevim aysha aysoy aysu aysuna aytek ayten aytuna aytöz
aytəkin aytən ayu ayub ayush ayushman ayvas ayyaruk ayyubi ayçan ayçiçək ayülker ayşan ayşeana
ayşenur azaan azad azade azahar azahara azalea azalee azaliya azar azaria azariah azariy azban
azeeb azeglio azeneth azettin aziz aziza azize azizi azra azucena azul azzie azər açıkel açılay
aída aïcha aðalberg aðalbergur aðalbert aðalbjörg aðalbjörn aðalbjört aðalborg aðalborgar aðaldís
aðalfríður aðalgeir aðalheiður aðalmundur aðalráður aðalrós aðalsteina aðalsteinn aðalsteinunn
aðalveig aðólf aþena ağa ağahadi ağakişi ağamalı ağamusa ağasəfa ağaxan ağbegim ağca ağmur aşhan
aşir baaba baahir baaizeed baaqee baaqir baaree baashir baasim baasit baba babar babasola babatunji
babawale babe baber babett babette babyboy baccio bachittar badawi badegül badr bagas baghyawati
bagiya bagra bagus bagya baha bahaa bahaddin bahadurjit bahadır bahari bahati bahittin bahtinur
bahuraksa bahuwarna bahuwirya baiba bailee bailey bailie bairbel bairbre bairon bajragin bajram
bakari bakda baker bakhshi baki bakiadi bakianto bakidin bakijan bakiman bakiono bakti baktiadi
baktianto baktiono bala balamantri balangga balapati balatekin balaxanım balca baldassare baldey
baldomero baldrún balduino baldur baldvin baldvina baldwin bale baleegh balendra balhaar bali
balidin balijan balina balinda baljiwan ballard ballı baltasar baltazar baltaş balthasar balvan
balveer balz balázs bama bambad bambang bambi banara banawa banawi bancar bandile banjeet banks
banü bao baptist baptiste baqar baqir bara barak baraka barasa barb barbara barbie barbora barbra
barbro barbu barbára barica baris bariş barkha barna barnabás barnard barnett barney barnie baron
barr barraq barrett barri barrie barron barry barsen bart bartek bartholomew bartholomäus bartley
bartolomej bartolomeo bartolomeu bartolomé barton barði barışcan bas basaam basarab bascom baseer
basel basem bashaar bashaarat bashar basharat basheer basheerah bashkim basil basile basilio basim
basir basriye bassam bassi bassí bastiaan bastian bastien bastián bastían basım batal batool
batsislava baturay batırhan baudelio baudouin baugur bautista baxter bayard baydu baykan baylee
baylie bayman bayram bayron bayruhan baytal bayzettin bazam bazhen bağdat bağdaş başay başhan başok
bea beadie beata beate beatrice beatrijs beatris beatrix beatriz beau beauden beaulah bebba bebe
becca becho beckett beckham beckie becky beda bedford bedi bediriye bedri bedřich bee beecher begga
begim begoña behbud behiza behrem behruz beinir beinteinn beitir bekan bekbay bekim bekir bektaşi
bela belarmino belen belgizar belia belinda belisario belisima belkize bell bella belle bellisan
bello belo belomira belton belva belén ben bena benard benas bence bendegúz benedek benedetto
benedict benedicte benedicto benedikt benedikta benedikte benedita benek benelena bengibay bengt
bengta beni beniamin benice benicio benidikt benidikta benigna benigno benita benito benjaman
benjamen benjamim benjamin benjamine benjamín benji benjiman benjman benjámin benn benna bennett
benney bennie benno benny benný benoit benol benone benoný benoît benson bent benta bente bentey
benthe bentley bento benton bentína benvenuto benía benício beníta benóní benóný beppe bera berat
beray berdie beren berend berenice berent berezat berg bergdís bergen bergey bergfinnur bergfríður
bergheiður berghildur berghreinn bergjón berglaug berglind bergljót berglín bergmann bergmannía
bergmar bergmundur bergný bergrán bergrín bergrós bergrún bergsteinn bergsveinn bergur bergvin
bergþór bergþóra berimir berin berislava berit beriya beriye berkal berki berkley berksay berlin
bernabé bernadett bernadette bernadine bernard bernarda bernardine bernardino bernardita bernardo
bernd bernd-dieter berndt berneice bernetta bernfried bernhard bernhardine bernharð bernharður
berni bernice bernie berniece bernita bernt bernward bernódus bernódía bero beroslav berra berran
berrin berry bersi bert berta bertalan bertel bertha berthe berthold bertie bertil bertina berto
bertold berton bertram bertrand beryl besart besarta besey beshte besim besin besnik bess besse
bessi bessie bessí beste bestla beta betania betanía beth betha bethan bethann bethany bethel
bethzy betina betino betsey betsy betsý bett bette betti bettie bettina betty bettye bettyjane
bettylou bettý betúel beula beulah bev bevan beverlee beverley beverly beya beyda beyhatun beyler
beyonce beyzade bezek beáta beňadik bhanumati bhavani bhavika bhavini bhavna bhavya bhekani
bhekisisa bhekizizwe bhekokwakhe biagio bianca bianka bibi bibiana bibisora bibiána bibuwa bican
bidayet biddie bieke biel bienvenida bil bilaal bilal bilay bilena bilender bilgen bilginur
bilgütay bilha biljana bilkay bilkisu bill billie billie-jo billy billye bilol biltaş bilyan bimala
bin bina binay binbaşar binko bino binışık birben bird birdella birdie birger birgid birgir birgit
birgitt birgitta birgitte birgül birkir birna birnir birousk birsan birsen birt birta birte birtha
birthe birtie birtingur birtir birtna biruta bisenti biser bisera biserka bishakha bishop bisi
bitten bitül biyanka bizhan bişar bjargar bjargdís bjargey bjargheiður bjarghildur bjarglind
bjargmundur bjargþór bjarkan bjarkar bjarkey bjarki bjarklind bjarma bjarmar bjarmi bjarnar
bjarndís bjarne bjarney bjarnfinnur bjarnfreður bjarnfríður bjarngerður bjarnharður bjarnheiður
bjarnhildur bjarnhéðinn bjarni bjarnlaug bjarnlaugur bjarnleifur bjarnrún bjarnsteinn bjarnveig
bjarnólfur bjarný bjarnþrúður bjarnþór bjarnþóra bjartey bjartmann bjartmar bjartmey bjartur
bjartþór bjorn bjólan bjólfur björg björgey björgheiður björghildur björgmundur björgvin björgólfur
björgúlfur björk björn björney björnfríður björnólfur björt bjørg bjørn bladimir blagitsa blago
blagodatka blagoj blagomir blagosvet blagosveta blagovest blagoy blahoslav blain blaine blair
blaise blake blanaid blanca blanch blanchard blanche blanchie blandine blanduzia blane blanka blas
blathnaid blaze blazhe blaž blažej blažena blerim blerina blerta blessing bliss blossom bluette
bluford bláey blædís blængur blær blævar blín blíða blómey bo boaz bob boban bobba bobbi bobbie
bobby bobbye bobur bode bodhi bodil bodo bodromir bodurka boe boel bog boga bogdalina bogdan
bogdana bogdanna bogdís bogey bogga boghildur bogi boginya boglárka bogodar bogolyub bogomil
bogomir bogorodka bogoslav bogoy boguslav boguslava bohdan bohdana bohumil bohumila bohumír
bohuslav bohuslava bohuš boil boila bojan bola bolatito bolden bolen boleslav bolli boluwatife boma
bone bonface bongani boniface bonifacio bonifatsiya bonifác bonislav bonita bonko bonnie bonny bono
bonu booker boone borahan borataş borbála borche borena borg borgar borgdís borghildur borgný
borgrún borgúlfur borgþór borgþóra boris boriska borislav borja borris borut boryanka borys bose
bosibori boston botnía botond botsa bouchra bowman boyan boyce boycho boyd boyko boynak boysie
bozbağ bozena bozerk bozhan bozhidar bozhik bozhimir bozhin bozhinel bozhinela bozhko bozho bozhur
bozhurka boztaş boði boğatimur bořivoj boštjan božena božica božidara božo brad braden bradford
bradley bradly brady bradyn braeden braedon braelyn braga braghildur bragi brahim braiden brain
bram bramwel branch brandan branddís brande brandee branden brandi brandie brandin brandon brandt
brandur brandy brandyn branislav branislava branka branko brannon branson brant brantley braulio
bravin braxton brayan brayden braydon braylen braylon brea breana breandan breann breanna breanne
brecht breda bree breeda breege breffni breki brencis brenda brendah brendan brenden brendon brenna
brennan brennen brennon breno brent brenton breonna bresi brestir bret brett bria brian briana
brianda brianna brianne brice brid bridger bridget bridgett bridgette bridgit bridie briek brielle
brien brieuc briget brigette brighid brigid brigita brigitta brigitte brijesh briley brilyant
brimar brimdís brimhildur brimi brimir brimrún brinda brinley brion brionna brisa bristol brit
brita britany britney britni britny britt britt-mari britt-marie britta brittaney brittani
brittanie brittany brittnay brittnee brittney brittni brittnie brittny britton brjánn brock broddi
broderick brodie brody brogan brona bronach bronagh bronislav bronislava bronson bronwen bronwyn
brook brooke brooklyn brooklynn brooks bror brown broņislava bruce bruna brunhild brunhilde bruni
brunilda bruno bryan bryana bryanna bryant bryce brycen brylee bryn bryndís brynfríður bryngeir
bryngerður brynheiður brynhildur brynja brynjar brynjólfur brynjúlfur brynlee brynleifur brynn
brynný brynsteinn bryntýr brynþór bryon bryony bryson bryton brzana brá brák brândușa bríana
bríanna bríet brígida brími brăduț bucha buck bucur bud budd buddie budi budimir buel buelah buell
buena buenaventura buffy buford buhari bujar bukurije bula bulah bulunç buna bunk bunmi buraid
burak burakhan burckhard burcuhan burdette buren burgess burghard burim burk burkard burke burkhard
burkhardt burkney burkni burl burleigh burley burnell burnett burney burnice burnie burns burr
burrel burrell burt burton burç busara bush busisiwe buster butch butler buyrukhan buşra bylgja
bynum byrd byrdie byron bystrík bálint bára bárbara bárður bärbel bæring bæringur bæron béatrice
béatrix béla bénédicte bérengère bérénice bíbí bína bóas bóel bói bót bóthildur bótólfur börje
börkur börteçin böðvar bøje børge búi búri büget bünyamün büreyre büşranur bănel bērends bērtulis
błażej břetislav bəhlul bəhram bəhruz bəkir bənövşə bəşir bảo cabbar cabir caddie cade caden
cadence cael caesar caetana cagak cager cahal cahan cahangir cahir cahya cahyadi cahyanto cahyo
cahyono caiden cailin cailum cailyn cain caio cait caitlin caitlyn caitlynn caitriona caius cajsa
caket cakrabirawa cakrabuana cakrajiya cakrawala cakrawangsa cal calcedonio caldonia cale caleb
calebe caleigh calhoun cali calista calisto calixta calixto calla callan calleigh callie callum
calogero calum calvin calvince cam cambria camden camelia cameron cami camil camila camilla camille
camillo camillus camilo camisha cammie campbell campo camren camron camryn canal canan canberk
candace candela candelaria candelario candelas candeniz candi candice candida candido candis candra
candrakanta candy candyce canfeza cangür canice cannie cannon cannur canseven cansin cantemir
cantez canur canyon caoilfhionn caoimhe caoimhin caolain caolan caomhan cap capa capitola cappie
caprice capucine cara caragh caraka caren carey cari caridad carie carin carina carine carisa
carissa carita carl carl-heinz carl-johan carla carlee carleen carleigh carlene carleton carley
carli carlie carlijn carlisle carlito carlo carlos carlota carlotta carlton carly carlyle carlyn
carma carmel carmela carmelita carmella carmelo carmen carmenza carmina carmine carminho carnell
caro carol carola carolann carole carolee carolien carolin carolina caroline carolyn carolyne
carolynn caron carra carren carri carrie carrol carroll carsen carson carsten carter carub cary
caryl caryn cas casandra casemiro casen casey cash casian casiana casie casimer casimir casimiro
cason caspar casper cass cassandra cassidy cassie cassius cassondra caswell cataleya catalina
catarina caterina cathal catharina catharine catherina catherine catheriona cathern cathey cathi
cathie cathleen cathrin cathrina cathrine cathriona cathryn cathy catia catina catinca cato catrin
catrina catrine catrinel catriona catur caturangga cauã cauê cavad cavid cavit cawisadi cawisono
cawuk cayadi cayden caydence cayetana cayetano cayla caylee cazimir ceara ceasar cebesoy cebrián
cece cecelia cecep cecil cecile cecilia cecilie cecilija cecilio cecille cecily cecilía cecília
cedide cedric cedrick cedrin ceferino ceil celal celena celene celesta celeste celestia celestina
celestine celestino celia celie celilay celina celinda celine celso cem cemal cemalettin cemani
cemeti cemil cemiyle cemplunk cena cenan cengiz cengkal cengkir centa centrine ceola cephus
cerasela cercis cesar cesare cetin cevale cevheri ceyhun ceyhunə ceyla ceylin ceylon ceyran cezar
cezara cezary cezayir chaaya chabane chace chachiya chacho chad chadd chadrick chadwick chaifah
chaim chaitaly chaitanya chaiwut chaka chakradev chakradhar chakrika chalisa chalmer chalmers
chamali chaman chameli champ champak chana chanakya chancey chanchal chancy chanda chandani
chandler chandra chandran chandresh chanel chanelle chaney chanez changaz chanie chanikan chaniya
chankete chanko channie channing chano chantal chante chantel chantelle chanya chao charan
chardafon chardafona charis charissa charisse charita charity charla charle charlee charleen
charlene charles charlesh charley charlie charline charlize charlott charlotta charlotte charlottie
charls charlsie charlton charly charmaine charo charodey charolette charos charvi chas chashida
chasity chasmum chastity chatresh chatura chauncey chauncy chaush chausiki chavdar chavvi chawin
chawish chaya chayanin chayapat chaz che che-wei chebet chedo chedomir chege chelangat chelo
chelsea chelsey chelsi chelsie chelsy chema chen chen-jui cheng cheng-en cheng-han cheng-hsiung
cheng-hung cheng-i chenko chenyu chepkemoi chepkoech chepkorir chepo cher cheragh cherelle cheresha
cheri cherie cherif cherilyn cherise cherish cherith cherno chernorizets cherotich cherrelle cherri
cherrie cherry cherryl cheruiyot cheryl cheryle cheryll cheslav chesley chessie chester chestina
chet chetvrta cheusi cheyanne cheyenne chi chia-hao chia-hung chia-jung chia-ling chia-ming
chia-wei chia-ying chiamaka chiara chibuzo chidi chidimma chien-cheng chien-chih chien-chung
chien-hsing chien-hua chien-hung chien-liang chien-ming chigozie chih-cheng chih-chiang chih-chung
chih-hao chih-hsien chih-hsiung chih-hung chih-ming chih-wei chih-wen chih-yuan chijioke chiko
chilo chimere chin chin-fa chin-feng chin-hsing chin-lien chin-lung chin-tsai china chinedu chinelo
ching-i chinyere chioma chip chipukizi chiquita chiraz chita chiu-hsiang chiu-yueh chiyo chizoba
chka chloe chloie chloé chloë chlóe chocho chochomir chona chonar choni chono chonyu chris chrissie
chrissy christ christa christa-maria christabel christal christeen christel christelle christen
christena christene christer christi christiaan christian christiana christiane christianne
christie christin christina christine christion christl christof christofer christoffer christop
christoper christoph christophe christopher christos christy chrystal chubrik chubrina chucho chuck
chude chudo chudomir chudoslav chuk chuki chukwudi chukwuemeka chun chun-chieh chun-hao chun-hsien
chun-hsiung chun-hung chun-liang chun-mei chun-ming chun-nan chun-ting chun-yu chus chuy chvor
chyna chynna châu cian cianan ciaobella ciara ciaran ciarra ciarrai cicely cicero cici cielo ciera
cierra cihan cihandide ciji cilla cilli cillian cilly cinda cindi cindoruk cindy cinnamon cinta
cinthia cinthya cintia cinzia ciprian cipriana cipriano ciriaco ciril cirillo cirino cirkeline ciro
ciríaco citlali citlalli citra claas clabe claes claiborne clair claire claire-lise clara
clarabelle clarance clare clarence claribel clarice clarinda clarine clarisa clarissa clarisse
clark clarke clarnce clas classie claud claudette claudia claudie claudina claudine claudio claudiu
claudius claudy claus claus-dieter claus-peter clavs clay clayton clearence cleave cleda clelia
clell clella clem clemence clemencia clemens clement clemente clementina clementine clemie clemma
clemmie clemon cleo cleola cleon cleone cleopatra cleophas cleora cleta cleto cletus cleva cleve
cleveland clevie clide cliff cliffie clifford clifton clint clinton cliodhna cliona clive clodagh
clodomiro cloe clora clorinda clothilde clotilda clotilde clovis cloyd cloé clyda clyde clydie
clytie clàudia cláudia cláudio cläre clémence clément clémentine clímaco coby codey codi codie
codin codrin codrina codruț codruța cody coen cohen colbert colby cole coleen coleman coleton
coletta colette coley colie colin coline colins colleen collette collie collier collin collince
collins collis colm colman colomba colon colonel colt colten colter colton coluccio colum columba
columbia columbus colvin comfort commodore con conal conall conan conard concepcion concepción
concepta concetta concha conchita conchur conleth conley conn connell conner connie connor conny
conor conrad conradin conrado consolata constance constant constantin constantina constantine
constantino constanza constanze constança constanța consuela consuelo contina conway coolidge
cooper cora coraima coral coralia coralie coraline corbett corbin cord corda cordaro cordelia
cordell cordella cordero cordia cordie cordula corean corene corentin coretta corey cori corie
corina corine corinna corinne coriolano corliss cormac cormack corneille cornel cornelia cornelio
cornelious cornelis corneliu cornelius cornell cornie corona corrado corrie corrina corrine corry
corsin cortez cortney corvin corwin cory cosima cosimo cosmas cosme cosmin cosmina cosmo costache
costantino costanzo costel costin coty council courteney courtland courtney coy coşkun coşqun craig
crawford creed crenguța creola crescencia cressie crete crin crina cris crissie crissy crista
cristal cristea cristen cristhian cristhofer cristi cristian cristiana cristiano cristin cristina
cristine cristián cristobal cristofer cristofor cristopher cristy cristóbal crockett cruz crysta
crystal csaba csilla csongor ctibor ctirad cuba cuheyna cullen cuman curdin curley curro curt
curtis curtiss custodia custodio cvetka cvetko cydney cyndi cyntha cynthia cyprian cyprián cyriel
cyril cyrill cyrille cyrus czeslaw cándida cándido cátia cäcilia cäcilie cécile cédric célestin
célestine célia célina céline césar côme cümşüd cüneyit cýrus călin cătălin cătălina cəlal cəlil
cəmalə cəmil cəmilə daamin daan daanish daanyaal daawood dabbah dabir dabney dace dacian daciana
dacin dadap dadaş dadi dafina dafinka dafne dag dagbjartur dagbjörg dagbjört dagel dagfari
dagfinnur dagfríður daggeir daggrós dagheiður daghfal dagmann dagmar dagmara dagmey dagny dagný
dagnýr dagobert dagoberto dagrún dagur dagþór dahiana dahlia dai daiana daiga daija daijah daina
dainess dainis dainius daire dairine dairo daisey daisha daisie daisy daisye daiyaan daja dajana
dakhil dakoda dakota dakotah daksh daksha dakshesh dalaja dalan dalbert dalbir daldís dale daler
daley dalia dalibor dalila dalili dalima daliman dalimin daliono dalkılıç dalla dallas dalli
dallilja dallin dalmann dalmar dalmas dalrós dalton dalvin dalía damar damarcus damari damarion
damaris dameer dameon damian damiano damien damienne damife damijan damini damion damir damián
damjan damjana damlanur damon damond damu damurah damyana damyanti dan dana danae danang dancan
danche dancun dandre dane daneen danelina danelle danelíus danette daney danfríður dangelo
danheiður danhildur dani dania danial danica daniel daniela daniele danielius daniella danielle
daniels danijel danijela danika danila danilo danimira danique danish daniswara danita danitsa
danitza danival danièle daniël danjuma danka dann danna dannie danniel dannielle danny danson dante
danu danuja danuta danuše dany danyel danyell danyelle danía daníel daníela daníella daníval danış
daphne daphné daquan dara daragh darain darby darci darcie darcy dardan dardanela darell daren
daria darian dariana dariati darien darija darijan darika darimin darin darina darinka dario darion
daris darius dariusz dariya darja darko darl darla darleen darlene darline darling darlyne darmaji
darman darmana darmanto darnell darold daron darpan darragh darran darrel darrell darren darri
darrian darrick darrien darrin darrion darrius darron darry darryl darryle darryll darryn darsh
darsirah dartono daru daruna darvin darwin darwyn dary darya daryani daryl daryle daryn darío
daríus dasa dashawn dasia dastageer daud daudi daulton daunte davante dave davey davi davian david
davida davide davie davin davina davion davis davnet davon davonta davonte davor davorin davy davyd
davíð dawid dawn dawna dawne dawson dawud dax daxton dayamai dayami dayana dayanara dayar dayita
dayle dayna dayne dayo dayse dayton dayyaan daðey daði daðína dağistan dea deacon deaglan deana
deandra deandre deane deangelo deann deanna deanne deante dearbhail dearbhaile dearbhla deasia deb
debbi debbie debbra debby debera debi debora deborah deborrah debra debrah debroah debóra decebal
dechko decho dechyu declan dedra dedric dedrick dee deeann deedee deegan deena deepa deetta
deflorina deforest deha deiby deicy deidra deidre deion deirbhile deirdre deisy deividas deja dejah
dejan dejon dejuan del delaney delano delbert delcho delcie delfina delfino delfín delia deliah
deliana delil delila delilah delina delinda delisa della dellar delle dellia dellie delma delmar
delmas delmer delmus delois delora delores deloris delos delpha delphia delphin delphine delsie
delton delvin delwin delya delyan delyana dema demarco demarcus demario demarion dementiy demeter
demetra demetri demetria demetric demetrio demetrios demetrius demi demi-lee demi-leigh demian
demid demilade demir demirbüken demirela demiriz demirok demiryürek demond demonte dempsey demus
demyan dena dencho dendý deneen denese deniandra denice deniis denika denimir denine denis denisa
denise denisha denislav denislavena denisse denita deniyan deniz denizalp denkel dennie dennis
dennitsa denny denton denver denzel denzell denzil deníel deon deondre deonta deontae deonte dequan
derald derdidas dereck derek dereon deric derick derik derkay derl derly dermot dermott deron
derrek derrell derrick derval dervilla dervla derwin derya deryanur deryl desean deshaun deshawn
desho desi desiderio desilian desimilyana desimir desirae desiree desirée desislav desiyana deslav
desmond despin despina despinka despot dessa dessie destany destin destinee destiney destini
destiny destry detelin detlef detlev dev devan devansh devante devaughn deven devi devika devin
deviner devon devonta devontae devonte devyn deward dewayne dewey dewi dewitt dex dexter deya deyan
deyanira dezider dezső dezzie değer değmeer dhriti dhruv diah diallo diamandi diamantina diamond
dian diana dianah diandra diane diann dianna dianne diar diarmaid diarmuid dicie dick dickie
dickson dicy dida didda didier didina didko diederik diedrich diego dierk dieter diethard diethelm
diether dietlind dietlinde dietmar dietrich digdaya digna dijana dijon diken diko dilan dilara
dilarə dilavər dilcan dilder dildora dilfeza dilhuş dilja diljá dillan dillard dillie dillion
dillon dilmana dilnoz dilnur dilsitan dilyan dilşad dilşat dimas dimaz dimitar dimitra dimitri
dimitrina dimitrios dimka dimmblá dimmey dimple dina dinah dincer dinda dinis dink dinna dino dinu
dinçkol dinçsü diogo dion dione dionicio dionigi dionisia dionisio dionne dionte dionýz dipa dipta
dirican dirja dirk dirlik dismas dita ditmar ditte dittmar divan divil divizie diviziya divya dixie
dixon diya diyor diyora diána diðrik diāna djamel djuana djuna dmitri dmitriy dmitro dmitry do-yun
dobrina dobromila dobromysl dobroslav dobroslava doc docha dochia docia dock dodo dofri dogan doina
dola doll dolli dollie dolly dollye dolores doloris dolph dolphine dolphus dolun dom domagoj
domantas domas domen domenic domenica domenick domenico domenika domhnall dominga domingo domingos
dominic dominick dominik dominika dominique dominque dominyka dominykas domitila domnica domonique
don dona donaciano donagh donal donald donat donata donatas donatella donatello donato donavan
donavon dondre donell dong donia donie donika donita doniyor donn donna donnacha donncha donnell
donnie donny dono donough donovan donta dontae donte dora doralisa dorathea dorathy dorcas dorcus
doreen dorel dorene doretha doretta dori dorian doriana dorien dorin dorina dorinda dorine dorinel
doris dorit dorita dorla dorle dorli dorman dorofey dorota dorotea doroteja dorotha dorothe
dorothea dorothee dorothy dorothée dorottya dorr dorris dorsey dorte dortha dorthe dorthea dorthey
dorthy doru dorukhan dosha doshia doshie dosia doss dossie dosta dot dottie dotty doug douglas
douglass dounia dove dovie dovilė dovud dovydas dow doyinsola doyka doyle dozier doğanalp doğannur
doğanşah doğuhan draga dragan dragana dragica dragitsa drago dragoș dragutin drahomír drahomíra
drahoslav drahoslava drajat drake drauma draumey draupnir draven dražen dreki drema drengur drenka
drew dries drilon drita driton droplaug drucilla drury drusilla drífa drótt dröfn duane duard
duarte dubán duc ducu duda dudley duff dufgus dufþakur dugfús duha duilio duje duke dulce dulcie
duma dumisani dumisile dumitra dumitrana dumitru duncan dunia dunja dunyo durab duracan durante
durdali durdona durell durgadin durmuşali durna durodola durrell dursadiye dursun duruk duruöz
durward durwood dusan dushan dushka dustan dustin dusty dustyn duuk duván duwayne duyguhan duyên
dušan dušanka dvalinn dwain dwaine dwan dwane dwayne dwi dwight dwyane dyan dylan dylano dyllan
dylon dymphna dympna dyukyana dzhana dzhaner dzhanko dzhikhad dzhinevra dzhuliya dzidra dzintars
dzintra dániel dávid dáša dæja débora déborah dénes désiré désirée día díana díanna díma dís dísa
dísella díómedes dóa dómald dómaldi dómaldur dómhildur dónald dónaldur dór dóra dórey dóri dóris
dórothea dórótea dóróthea dósóþeus dögg dögun dölensoy döner dönməz dörte dörthe dúa dúfa dúi dúna
dúnn dündaralp dünya dünyamalı dürdanə dürnisə dürrüşehvar dýrborg dýrfinna dýri dýrleif dýrley
dýrmundur dýrunn dārta dāvis dũng dương eadaoin eamon eamonn ean eanna earl earle earlean earlene
earley earlie earline earnest earnestine eartha easter easton eathel eavan eba ebb ebba ebbe ebbi
ebbie eben ebeneser ebenezer eber eberg eberhard eberhardt ebert eboni ebonney ebony ebuakil ebuka
ecaterina ecegül ecemiş echo eckard eckart eckehard eckhard eckhardt eckhart ecrin ed eda edaviye
edd edda eddah eddie eddy edel edelbert edelgard edelmira edelmiro edeltraud edeltraut edeltrud
eden eder edgar edgaras edgard edgardo edgars edgübay edhitha edi edie edier edil edilberto edilma
edilon edilson edin edina edinah edinson edison edisson edit edita edith editha edla edmon edmond
edmonia edmund edmundo edmunds edna ednah edoardo edon edona edouard edra edrie edris edryu edsel
edson edu eduar eduard eduarda eduardo eduards edvard edvardas edvin edvinas edvīns edw edwar
edward edwardo edwin edwina edyth edythe edílon edīte eelis eemeli eemil eerik eero eesaa eesha
eetu eeva efe efemía effa effie efil efim efimena efka eflâtun efrain efraím efraín efrem efren
efrosiniya efrén efser eftimia eftimie efua ega egbert egedía egenur eggert eggrún eggþór egidijus
egil egill egils egla eglė egon egor egzon egzona ehan ehrenfried ehrentraud ehrhard ehsaas ehsan
eider eidvilė eija eijaz eik eikar eila eileen eilidh eilis eilish eilífur eimantas eimear eimer
eimhear einar einari einbjörg eindís einer einey einfríður einhildur einir eino einrún einvarður
einína einþór eir eira eiravati eirdís eirfinna eirik eirný eiríka eiríkur eirún eitel eithan
eithel eithne eivin eivind eivor eiðar eiðný eiðunn eiður eja ejaz ejlaal eka ekaja ekalinga ekani
ekansh ekanta ekantika ekapad ekaraj ekaterina ekavir ekbal ekber ekene ekim ekiya ekkehard
ekkehart ekmel eko ekow ekrem ekta ektar ektor ekundayo ekundu el el-amin ela eladio elaf elaina
elaine elam elamiye elana elariz elayne elba elberg elbert elberta elbridge elby elcira elcy elda
eldar eldbjörg elden elder eldey eldgrímur eldjárn eldlilja eldmar eldon eldora eldred eldridge
eldrún eldur eldór eldəniz elea elean eleanor eleanora eleanore elease eleazar electa eleina
elektra elektron elemag elemér elena elenborg eleni elenitsa elenko elenor elenora elenore
elentínus eleodoro eleoneta eleonor eleonora eleonore eleonóra eleuterio elex elfa elfar elfi
elfida elfie elfreda elfrieda elfriede elfráður elfur elgie elgin elgün elhan eli elia eliabeth
eliakimu elian eliana eliane elianna elias elick elida elie eliecer elien eliette eliezer elif
elifnur eliga eligah elige eligia eligio elihu eliisa elijah elimar elin elina elinborg eline
elinor elinore elinór elio eliona eliot eliott elis elisa elisabet elisabeta elisabete elisabeth
elisabetha elisabetta elisaveta elise eliseo elisey elisha elisiya elissa elita elitsa eliud eliz
eliza elizabet elizabeta elizabete elizabeth elizah elizar elizaveta elizbeth elize elizebeth eliáš
eliška elka elkana elke elkin elko ell ella elladio ellamae ellar elle ellen eller ellert ellery
elley elli elliana ellie ellinor elliot elliott ellis ellisif ellison elliði ellsworth ellwood elly
ellyn ellín ellís ellý elma elman elmar elmer elmeri elmidar elmina elmir elmira elmire elmo elmore
elmyra elmārs elməddin elna elnarə elnora elnur elnurə elo eloah elodia elodie elof eloi elois
eloisa eloise elon elona elonzo elosy elouise eloy eloá eloísa eloïse elphas elpidio elroy els elsa
elsabet elsbeth elsebeth elsevər elsie elsworth elsy elsí elsý elta elton elturan eluh elva elvan
elvana elvar elver elvera elvi elvia elvie elvin elvina elvira elvire elvis elvy elvíra elvý elvīra
elwanda elwin elwira elwood elwyn elxan ely elyas elyse elyssa elza elzada elzbieta elzie elzy
elçin eléa eléna eléonore elí elía elíana elías elíeser elímar elín elína elínbergur elínbet
elínbjörg elínbjört elínborg elíndís elíngunnur elínheiður elínmundur elínrós elíná elínór elírós
elís elísa elísabet elísabeth elöve elīna elşad elşən elżbieta ema emal emaline eman emanoil
emanuel emanuela emanuele emanuella emanuelly emanuil emanuila emanúel emas ember embla embrek
embuh emeka emelia emelie emelina emeline emely emelyan emelyne emelía emelíana emelína emer
emerald emeralda emerson emery emese emett emi emiel emigdio emil emilce emile emilee emilia
emilian emiliana emiliano emilie emilien emilija emilio emilis emiliya emiliyan emilly emilse emily
emilía emilíana emilíanna emilý emin emina emine emir emiro emirşan emit emiş emma emma-louise
emmaculate emmah emmalee emmaline emmanuel emmanuelle emmanuil emmanúel emmer emmerich emmet emmett
emmi emmie emmit emmitt emmons emmy emmý emogene emong emory emperatriz empluk emran emre emrullah
emry emy emília emý emīlija emīls en-sho ena enar encarna encarnacion encarnación encarnita encho
enda endah endo endra endre endrit ene enea eneka enes enfes engelbert engilbert engilbjartur
engilbjört engiljón engill engilráð engilrós engin enginiz engla enid enika enikő eniola enis enith
enitsa enja enna ennio ennis enno eno enoch enock enok enola enos enrico enrika enrique enriqueta
ensar ensari ensio enteng enver enya enyu enzi enzio enzo enóla eoghan eoin eola eowyn ephantus
ephraim ephram ephriam epifan epifanio eppie epsie era eral eraldo erasmo erasmus erast erastus
eraycan erbay erbil erby ercan ercihan erdal erdemer erdibay erdmute erdogan erdursun eredin erem
eremey eremia eremiya eren erenalp erensoy eres ergana ergener erginel ergönül ergül ergün erhard
erhardt eric erica erich erick ericka erie erik erika erikas erin erina erinçer erion eris eriş
erkan erkinel erkki erksoy erkılıç erla erland erlar erle erlen erlendur erlene erlinda erline
erling erlingur erlín erma ermanis ermanno ermenegildo ermes ermil ermilya ermina ermine ermolay
ermutlu erna ernest ernestas ernestina ernestine ernesto ernests ernestó ernie ernir ernst
ernst-august ernst-dieter ernst-otto erny ernő erofey erol eron eroğul erpur errol ersel ersen
erseç ertan erten ertuncay ertün erva ervaniye ervin erving ervín erwan erwin eryk erykah eryn
eryıldız erzsébet eröz erşat esa esau esben esco esekíel esen esenbay esengün esentürk esequiel
esfandyar eshan eshana esi esila esja esjar esker eskil eskinalp esko eslemnur esley esma esmanperi
esmarelda esmee esmeralda esmira esmée esna esneider esparta espartaco espen esperanza espiridión
esra essa essence essex essi essie esta esteban estefan estefani estefania estefany estefanía estel
estela estell estella estelle ester estera esteri estes estevan esther estiawan estie estill
estiono estiva estiven eston estrella esupofo eszter eta etela etelka etelvina etha ethan ethel
ethelbert ethelene ethelyn ethen ether ethie ethna ethne ethyl ethyle etibar etien etienne etiqad
etizaaz etna etta etter ettie ettore euan eudora eufemia eufemía eufrosina eugen eugene eugenia
eugenie eugenio eugine eugène eugénia eugénie eula eulah eulalia eulalie eulogio eulália eun euna
eunan eunice eunika eunji euphemia eura eusebia eusebio eusebiu eustace eustaquio eustațiu eutimio
eutropio eva eva-lena eva-maria eva-marie evald evaldas evalena evaline evalyn evalyne evamaria
evan evance evander evangelia evangelina evangeline evangelista evangelos evanghelina evans
evaristo evcimen evde evdokim evdokiya eve evelena evelia evelien eveliina evelin evelina eveline
evelio evelyn evelyne evelynn evelína everet everett everette everline everlyne evert evertt evette
evey evfemía evfrosiniya evgeniy evgeniya evgenía evgraf evi evia evie evija evita evlalía evlampiy
evon evonne evpraksiya evridika evrim evrimer evsey evstafiy evstakhiy evstati evstatiy evstigney
evtim evy evíta ewa ewald ewan ewart ewatomi ewelina ewell ewin ewing exa exequiel exie eyberg
eybjörg eybjört eydan eydís eyfríður eygerður eygló eyhildur eyja eyjalín eyjólfur eylaugur eyleif
eyleifur eylín eymar eymundur eyríkur eyrós eyrún eysteinn eyvar eyveig eyvindur eyvör eyyub eyyüp
eyþrúður eyþór eyþóra ezekiel ezell ezequiel ezgin ezgütekin ezio ezra ezzard eðna eðvald eðvar
eðvarð eşim eşref faas faber fabia fabian fabiana fabien fabienne fabio fabiola fabiyana fabián
fabiënne fabrice fabricio fabrisíus fabrizia fabrizio facundo fadekemi faderera fadey fadil fadile
fadime fadıla fae fahari fahmi fahrullah faina fainche faiq fairy faisa faith faizah faizan faize
falak falan falgeir falguni falk falko fallon falon falur fami famil familə fanaka fancy fang
fannar fannberg fanndís fanney fanngeir fanni fannie fannlaug fanny fannye fanný faqid farah faraj
faraja farangiz faras fares farhan farhiya farhod farhunnisa farid farida farijika fariq faris
fariz fariza faron farouk farrah farrell farris faruk farzona fate fathonah fatigül fatih fatiha
fatihə fatima fatime fatimə fatinur fatma fatmanur fatmir fatmire faton fatteh fatuma faustas
faustino fausto fawn fay faye fayette fayize fazil fazli fazul feargal fearghal febe febi febrún
fed fedde fedele feden federica federico federigo fedir fedor fedosiy fedot fehim fehintola fehmiye
fei feisal felecia felice felicia feliciana feliciano felicidad felicie felicien felicitas felicity
feliks feline felipa felipe felisa felisha felista felister felistus felix felizitas fella felton
fem fema femi femke feng fengur fenna fenne fenni fenrir fenton fenya feofan feoktist ferahdiba
ferapont ferat feraye ferd ferdi ferdinand ferdinando ferdínand feremez ferenc fergal fergus ferhan
ferhat feriel ferihan ferinaz ferman fermuta fermín fern fernand fernanda fernande fernando ferne
ferney ferny ferre ferrell ferris fersan fertram feruza feryas ferzi festus fetullah fevroniya
feyha feykir feyruz feyzin feza fiachra fiamma fibikemi ficho fidan fidaye fidel fidela fidelia
fidelis fidelma fidencio fidvi fielding fien fiene fiifi fikayomi fikiya fikrət filaret filatey
filcho fildan fili filidan filimon filion filip filipa filipas filipe filipini filipopol filipp
filippa filippo filippus filippía filipía filit filiz filko filo filofteia filomena filomir
filoména fimar fimka finbar finbarr findo finian finis finley finn finna finnbjörg finnbjörk
finnbjörn finnboga finnbogi finnborg finndís finnegan finney finnfríður finngeir finnjón finnlaug
finnlaugur finnrós finnur finnvarður finola fintan fiodor fiona fionan fionna fionntan fionnuala
fionnula fiorella fiorenzo fiorino fircho firdavs firdevis firdovsi firman firmin firo firs firudin
firuzə firəngiz fisher fisnik fitan fitim fitnat fito fitore fitria fitriani fitzgerald fitzhugh
fiyaz fizzə fjalar fjalldís fjarki fjolla fjóla fjólar fjólmundur fjölnir fjölvar fjörnir flamur
flannan flavia flavie flavio flaviu flaviya fleda fleet fleeta flem fleming flemming fleta fletcher
fleur flint flo floare floarea flonnie floortje flor flora florance flore florea florence florencia
florencio florene florent florentin florentina florentine florentino florența floretta flori
florian floriana floriane florica florida floridor florie florika florim florin florina florinda
florine floris florián floro florrie flosi flossie floy floyd flurin flurina flynn flóki flóra
flórent flóvent foch fodil fodor foka folashade folda folke folker folkert folu foma fonda forest
fori forni forrest fortunat fortunata fortunato forum fosil fossmar foster fotima fotinka fotiy
fount fouzia foy frado fran franc franca france frances francesca francesco franchesca franci
francia francies francina francine francis francisc francisca francisco franciscus franciska
francisquita franciszek franck franco francoise francy franjo frank frank-michael frank-peter
franka frankie franklin frankline franklyn franklín franky frans fransiska františek františka
frants frantsislav franz franz-josef franz-peter franz-xaver franziska françois françois-xavier
françoise frančišek fraser fratsil frauke frazer frazier fred freda freddie freddy frede frederic
frederica frederick fredericka frederico frederik frederika frederike frederikke frederique fredi
fredie fredo fredric fredrick fredrik fredrika fredy freeda freeman fregn freia freida freja
fremont french fresia freya freybjörn freydís freygarður freygerður freyja freylaug freyleif
freymar freymundur freymóður freyr freysteinn freyviður freyþór fricis frida fridah fridolin
fridrich frieda friedbert friedemann frieder friedericke friederike friedhelm friedhilde friedhold
friedl friedlinde friedo friedrich friedrich-karl friedrich-wilhelm frigg frithjof fritz friðberg
friðbergur friðbert friðbjörg friðbjörn friðbjört friðborg friðdís friðdóra friðey friðfinna
friðfinnur friðgeir friðgerður friðjón friðjóna friðlaug friðlaugur friðleif friðleifur friðlín
friðmann friðmar friðmey friðmundur friðný friðrik friðrika friðrikka friðrós friðrún friðsemd
friðsteinn friður friðveig friðvin friðþjófur friðþór friðþóra frode frodo froilán frol frona
fronia fronie fronka fronnie frosti frostrós frusina fryderyk frán fránn frár frédéric frédérique
frímann fríða fríður fróði fróðmar fróðný fstk fuad fuga fugo fuko fulgencio fuller fulton fulvio
fuma fumiko funi funke funmi fura furman fuzayl fuzuli fylkir fynn fyokla fábio fáfnir fálki fátima
félicie féline félix fía fídes fífa fífill fólki fönn fúsi fügen füzuli fəhmin fərahim fərda fərhad
fərid fəridə fərman fərqanə fərrux fəxri fəxriyyə fəxrəddin fəyyaz fəzail gabe gabel gabi gabin
gabino gabor gabriel gabriela gabriele gabrielius gabriella gabrielle gabrielly gabriël gabríel
gabríela gabríella gaby gada gadang gading gaduh gael gaetano gagan gage gaia gaida gaige gail
gaiman gaines gaither gaja gala galak galaktion galang galar galasso galdur gale galen galena
galentin galien galih galilea galimir galina galiono galip galiyan gallego galo galuh galur
galvarino galya gamalíel gaman gamani gamanto gambira gamblang gambo gancho ganda gandewa gandi
ganep gang ganga gangsa gangsar gani ganimete ganislav ganiye ganjaran ganna gannon gano gantar
gantsomir ganutsa gara garan garang garda gardner garech gareth garett garey garfield garibaldi
garima garland garner garnet garnett garo garold garpur garret garreth garrett garri garrick
garrison garry garth garvan garvin gary garðar gaspar gaspard gaspare gasper gasti gaston gastone
gastón gathoni gatis gato gatot gatra gatso gauge gaui gauja gaukur gaurang gaurangi gaurav gauri
gaurika gautam gautami gauthier gauthildur gauti gautrekur gautur gautviður gavan gaven gavin
gavrila gavrilo gavyn gawati gay gayathri gaye gayla gayle gaylen gaylene gaylon gaylord gaynell
gazel gazmend gaël gaëlle gaëtan gašpar gbadebo gbolahan gbowoade gda geanina gearld gearldine
gearoid geary gebhard gecho gedeon gediminas gedion gee geert geetika gefjun gefn geir geira
geirarður geirbjörg geirdís geirfinna geirfinnur geirfríður geirharður geirhildur geirhjörtur
geirhvatur geiri geirlaug geirlaugur geirleifur geirlöð geirmundur geirný geirríður geirröður
geirrún geirtryggur geirvaldur geirólfur geirþjófur geirþrúður geisli gejza gelemir gelengül gellir
gelsomina gelu gema gemma gena genadi genadivaleriev genadiy genaro gencaslan gencho gene genesis
geneva genevieve geneviève genevra genie genislav genko gennadiy gennaro gennie geno genovefa
genoveva genta gençay gențiana geo geodim geoff geoffrey geoffroy geofrey geomil georg georganna
george georgeann georgeanna georgel georgelena georgene georges georgeta georgetta georgette georgi
georgia georgian georgiana georgiann georgianna georgie georgina georgine georgios georgitsa
georgiy georgía geovanni geovanny gerald geraldine geraldo geralyn gerard gerarda gerardine gerardo
gerardus gerasim geraud geray gercho gerd gerda gerdan gerdana gerdi gereon gerfried gerga gergan
gergely gergelyub gergey gergin gergő gerhard gerhardt gerhart gerhild geri gerlind gerlinde
germain germaine german germana germán gernot gero gerold gerolf geronimo geroy gerrard gerri
gerrit gerry gerson gert gerta gertha gerti gertie gertraud gertraude gertraut gertrud gertruda
gertrude gertrudis gertrúda gervasio gerwin gery gerða gerðar gerður gerónimo gesa gesare gesche
gesho gesine gestheiður gestný gestrún gestur geta gethera getislav getko geto getrude getso geza
ghaalib ghaazi ghaffaar ghafoor ghaith ghalib ghaliyati ghanee ghanem ghani ghannam ghasaan ghauth
ghawth ghayoor ghazalan ghazanfar ghazanfer ghazawan ghazi ghazzal ghenadie gheorghe gheorghiță
gherghina ghilas ghislain ghislaine ghiyaath ghiyath ghiță ghufran ghulaam ghulam ghunayn ghusharib
ghusun ghutayf gia giacinto giacobbe giacomo giada giampaolo giampiero gian gian-luca giana
giancarlo gianfrancesco gianfranco gianina gianluca gianluigi gianmarco gianna gianni gianpaolo
gianpietro gibson gichka gicu gică gideon gidget giedrius giedrė giel giesela gifford gifty gigi
gijs giko gil gilang gilbert gilberte gilberto gilda gildardo gildroy giles gilford gilles gillian
gillie gillis gillý gilma gilman gilmar gilmer gilmore gils gilslaug gina ginette ginger ginny gino
gintarė ginyas gioacchino gioachino gioele gioffre gioia gion gionata giorgia giorgian giorgiana
giorgio giosuè giovani giovanna giovanni giovanny girik girindra girish girolamo girtha gisa
gisbert gisela gisele giselle gislinde gisselle gissunn gissur gisèle gitau githinji gitonga gitta
gitte giulia giuliana giuliano giulietta giulio giuseppa giuseppe giuseppina giustino giveza giz
gizdalen gizdana gizela gizella gizem gizur gjaflaug gjorche gjorgi gjúki gladis gladstone gladyce
gladys glafira glauco glbitsa gleb glen glenda glendon glendora glenka glenn glenna glennie glennis
glenwood glenys glib glinda gloria gloría glover glynda glynis glynn gló glóa glóbjört glódís glóey
glói glóð glúmur gneisti gná gnúpur gnýr goda godelieva godelieve godfrey godofredo godwin goebel
goffredo gohar golda golden goldia goldie goma goncafer goncalo gonzalo gonçalo gopal goran gorazd
gordan gordana gorden gordey gordiy gordon gorge goriya gorm gostomysl gotsa gotse gottfrid
gottfried gotthard gotthilf gotthold gottlieb gottlob gottskálk gottsveinn governor goyo goði
goðmundur grace gracelyn gracia graciana graciano gracie graciela grady graeme grafitsa grafton
graham grainne grani grania grankell grant granville graves gray grayce graydon grayling grayson
grazia graziano graziella grazyna grațian grațiana grațiela greca grecia greco greene greet greg
grega greger gregg greggory gregor gregoria gregorian gregorio gregory grein greipur gremislav
greppur gret greta gretar gretchen grete gretel grethe gretl gretta grettir greyson gricelda griet
grieta griffin griffith grigore grigoriy grimyana grisel griselda grit gro grove grover grozdinka
grzegorz gráinne grégoire grégory grélöð grét gréta grétar gríma grímar grímey grímheiður
grímhildur grímkell grímlaugur grímnir grímur grímólfur grímúlfur gróa grēta guadalupe guang
guarino gudrun gudula guenter guenther guglielmo gugu gugulethu guido guilford guilherme guillaume
guillermina guillermo guiomar guiseppe guiying gulab gulfaam gulfam gullbrá gullveig gullý gulshan
gulzar gumercindo gumi gumma gun-britt guna gunar gunbir gunborg gunda gundel gundhild gundi
gundolf gundula guneet guney gunhild gunilla gunita gunn gunnar gunnberg gunnbjörg gunnbjörn
gunnbjört gunnborg gunndís gunndór gunndóra gunnel gunnella gunner gunnfinna gunnfríður gunngeir
gunnhallur gunnharða gunnheiður gunnhildur gunnjóna gunnlaug gunnlaugur gunnleif gunnleifur gunnlöð
gunnröður gunnrún gunnsteinn gunnur gunnvaldur gunnveig gunnvör gunnólfur gunnóli gunný gunnþór
gunnþóra gunnþórunn gunta guntars gunter gunther guntis guntram gunvor gunārs guriy gurli gurney
gurrý gus guss gussie gust gusta gustaaf gustaf gustas gustav gustave gustavo gustavus gustaw gusti
gustie gustáv gusztáv guthrie gutti guttormur guus guusje guy guðberg guðbergur guðbjarni
guðbjartur guðbjörg guðbjörn guðbjört guðborg guðbrandur guðdís guðfinna guðfinnur guðfreður
guðfríður guðgeir guðjón guðjóna guðlaug guðlaugur guðleif guðleifur guðleikur guðlín guðmann
guðmar guðmey guðmon guðmunda guðmundur guðmundína guðni guðný guðráður guðríður guðröður guðrún
guðsteina guðsteinn guðvarður guðveig guðveigur guðvin guðþór gvardiana gvozdeyka gwen gwenael
gwenaëlle gwenda gwendolen gwendoline gwendolyn gwyn gwyneth gyda gylfi gyrðir gytis gytta gytė
gyugra gyula gyurgya gyða gyðja gyðríður gyöngyi györgy györgyi győző gzim gábor gæfa gæflaug
génesis gérald géraldine gérard géza gía gídeon gígja gígjar gísela gísla gísley gísli gíslný
gíslrún gíslunn gíslína gíta góa gógó gói gök gökay gökbudun göken gökhan göknur gökperi göksev
gökten gökçe gökçebalan gökçil göli gönen gönül göran görgünay görklü görsev gösta göte götz gözel
gözem gúa gústaf gústav gücal gül gülarə gülay gülağa gülbala gülbani gülbeyan gülbiye gülcegün
güldam gülder güldünya gülel gülenay güler gülev güleğen gülfari gülfeza gülgen gülgüzel gülhisar
gülinaz gülkadın güllühan güllər gülmira gülmisal gülnar gülnarə gülnaz gülnaziye gülnur gülper
gülsalın gülselin gülsen gülseren gülsevil gülsiye gülsü gülsüm gültac gülten gülter gültəkin
gülxar gülzadiye gülzar gülçe gülçin gülçöhrə gülözge gülüs gülüstan gülüş gülşa gülşahin gülşeref
gülşən gülər gümüştekin günar günay günaydin günden gündüz gündüzalp günebakan güneri güngördü
güngören günkurt günsel günser günter günther günver günşen gürarda gürcüye gürelcem gürsal gürten
güverçin güzey güçal güçlüer güçyeter gýgjar gýmir gəray ha ha-eun habib habiba habibe habibu habil
haciali hacile hacıbəy hadassa hadassah hadda haddi haddur haddý haden hadi hadicha hadija hadithi
hadiza hadjer hadley hadrey hadrien hafberg hafbjörg hafborg hafdís hafey hafgrímur hafiz hafliða
hafliði haflína hafnar hafni hafný hafrós hafrún hafsa hafsat hafshah hafsteina hafsteinn hafþór
hafþóra hafıza hagalín hagbarður hagbert hagen hai haiba haiden hailee hailey hailie hairyanto
hajnalka hajo hakan hakeem haki hakikat hakim hal halbert hale haleigh halenur haley hali halid
halidun halie halil halim halima halina halisi haliye hall halla hallbera hallberg hallbjörg
hallbjörn hallborg halldís halldór halldóra halle halley hallfreður hallfríður hallgarður hallgeir
hallgerður hallgils hallgrímur hallgunnur hallie hallkatla hallkell hallmann hallmar hallmundur
hallný hallrún hallsteinn hallur hallvarður hallveig hallvör hallþór halsey haluk halyna ham hamar
hami hamid hamilton hamima hamis hamish hamisi hamiyet hamp hampton hampus hamsini hamza hamzah
hana hanako hanbiken handy hanedan hani hania hanife hanim hanja hank hanna hannabel hannah
hannchen hanne hanne-lore hannele hannelore hannes hanney hanni hannibal hanno hanns hannu hanny
hanora hans hans-adolf hans-albert hans-bernd hans-christian hans-detlef hans-dieter hans-dietrich
hans-eberhard hans-erich hans-friedrich hans-georg hans-gerd hans-gerhard hans-günter hans-günther
hans-heinrich hans-helmut hans-henning hans-herbert hans-hermann hans-hinrich hans-joachim
hans-jochen hans-josef hans-jörg hans-jürgen hans-karl hans-ludwig hans-martin hans-michael
hans-otto hans-peter hans-rainer hans-rudolf hans-theo hans-ulrich hans-uwe hans-walter hans-werner
hans-wilhelm hans-willi hans-wolfgang hansa hansel hansford hansgeorg hansjoachim hansjörg hansjürg
hansjürgen hanson hanspeter hansruedi hanss hansueli hansultan hansína hao haralamb haralambie
harald haraldur harambee harbinaz hardana harden hardi hardie hardik hardin harding hardy hari
harijs harimurti harinakshi harini haris harish harita hariz harja harjasa harjaya harjo harl
harlan harland harlen harlene harley harlie harlon harlow harm harman harmon harmony harnail harol
harold haroldo haron harpa harper harrell harri harrie harriet harriett harriette harris harrison
harro harrold harry harrý harsana harsanto harsaya harsh harshil hart hartaka hartana hartley
hartmann hartmut hartmuth harto hartvig hartwell hartwig haruka haruko harun haruna haruto harve
harvey harvie harvy hasan hasbek hasel hasgül hashiki hasim haskell hasna hasret hassan hassie
hasso hasta hatem hatice hatima hatin hattie hauksteinn haukur haukvaldur hauwa hauður hava havali
haven havse hawa hawehindi hayali hayat hayden haydée hayel hayes haylee hayleigh hayley haylie
hayret hayrünnisa hays hayward haywood hazeem hazel hazelle hazen hazine hazle hazrat heath heather
heaven heba heber hebert hector hedda hedi hedvig hedviga hedvika hedwig hedy hedí hege heide
heide-marie heidelinde heidelore heidemarie heiderose heidi heidrun heidy heike heikir heikki heiko
heilmóður heimir heimo heiner heinfried heini heino heinrekur heinrich heinz heinz-dieter
heinz-georg heinz-gerd heinz-günter heinz-günther heinz-joachim heinz-josef heinz-jürgen heinz-otto
heinz-peter heinz-walter heinz-werner heinz-wilhelm heinz-willi heisi heitor heiða heiðar heiðarr
heiðberg heiðbert heiðbjörg heiðbjörk heiðbjört heiðbrá heiðdís heiðlaug heiðlindur heiðlóa
heiðmann heiðmar heiðmundur heiðný heiðrekur heiðrós heiðrún heiður heiðveig hekima hekime hekla
hekmet hektor helaine helan heleen helen helena helene helfried helga helge helgi heli helinä
heliodoro hella helle hellen hellena hellevi hellmut hellmuth helma helmar helmer helmi helmtrud
helmut helmuth helmút heloisa heloise heloísa helvi helyn helén heléne helēna hema hemal hemang
hemangini hemani hemi hemmert hence henderson hendra hendri hendrik hendrikka henery heng henife
henk henna henner henni hennie henning henny henný henretta henri henric henrich henricus henrieta
henrietta henriette henrik henrika henrike henrikki henriks henrique henry henryk henríetta henrý
hera heracleea heraclio heraldo herb herbert herberto herbjörg herbjörn herbjört herborg herdis
herdís herfinnur herfríður hergeir hergerður hergill hergils heribert heriberto herjólfur herlaug
herlaugur herleifur herlinda herlinde herluf herma herman hermanis hermann hermann-josef hermanni
hermelinda hermenegildo hermes hermina herminda hermine herminia herminio hermon hermundur hermína
hermóður hernan hernando herney hernán herrmann herschel hershel hershell hersilía hersir hersteinn
hersveinn herta hertha heru hervar hervarður hervey hervin hervé hervör herwig heryanto herþrúður
hesbon hessie hester hesti hettie hetty heva heydər heyvetullah heyward hezekiah hezniye hezron
hezzie hicham hicran hidaya hidde hideki hideo hidir hikmət hilah hilal hilario hilary hilaríus
hilayda hilbert hilda hildah hildar hildburg hilde hildegard hildegarde hildegart hildegund
hildegunde hildibergur hildibjörg hildibrandur hildigeir hildigerður hildiglúmur hildigunnur
hildimar hildimundur hilding hildingur hildir hildiríður hildisif hildiþór hildred hildur hilkka
hill hillard hillary hillery hillevi hilliard hilma hilmar hilmer hilmir hilton hiltraud hiltrud
himawan himinbjörg himri hind hindal hinet hinewai hinrich hinrik hinrika hinrikka hipólito hiral
hiram hiro hiroshi hitesh hiçsönmez hjallkár hjalmar hjalmer hjalta hjalte hjaltey hjalti hjarnar
hjálmar hjálmdís hjálmey hjálmfríður hjálmgeir hjálmgerður hjálmrós hjálmrún hjálmtýr hjálmur
hjálmveig hjálmþór hjördis hjördís hjörfríður hjörleif hjörleifur hjörný hjörtfríður hjörtur
hjörtþór hjörvar hlaðgerður hleiðar hlini hljómur hlynur hlédís hlégestur hlér hlíf hlífar hlín
hlíðar hlíðberg hlökk hlöðmundur hlöður hlöðvarður hlöðver hnefill hnikar hnikarr hoa hoani hobart
hobert hobson hocine hodari hoke holden holgeir holger holland holli hollie hollis holly holm
holmes holti homer homero hong honora honoré hoon hoover hope horace horacio horatio horațiu horea
horia horst horst-dieter horst-günter horst-peter hortencia hortense hortensia hortenzia horton
horymír hosea hosie hosteen houcine houda houston howard howell hoy hoyt hoàng hoşkadem hrafn
hrafna hrafnar hrafnbergur hrafnborg hrafndís hrafney hrafngerður hrafnheiður hrafnhildur
hrafnkatla hrafnkell hrafnlaug hrafntinna hrafntýr hrannar hrappur hraunar hraundís hredhaan hrefna
hreggviður hreimur hreindís hreinn hreiðar hreiðmar hringur hritik hrollaugur hrolleifur hrund
hrvoje hrærekur hrímnir hróaldur hróar hróbjartur hrói hrólfdís hrólfur hrómundur hróðgeir hróðmar
hróðný hróðvar hróðólfur hrönn hrútur hsin-hung hsin-i hsin-yu hsiu-chen hsiu-chih hsiu-chin
hsiu-chu hsiu-chuan hsiu-feng hsiu-hsia hsiu-hua hsiu-lan hsiu-lien hsiu-ling hsiu-mei hsiu-ying
hsiu-yu hsiu-yun hua huban hubbard hubert hubertine hubertus hudavent hudson huey hugberg hugbjörg
hugbjört hugborg hugdís hugh hughes hughey hughie hugi huginn hugleikur hugljúf hugo hugrún hugues
huguette hugó hui hui-chen hui-ling hui-mei huia huld hulda huldah huldar huldrún huldís humaira
humaiya humayra humberto humoyun humphrey hunalp hung hunor hunt hunter huong hurbert hurican
hurley hurşide hussein huston huxley huy huzaifa huzuri hvannar hvönn hye hyltir hylur hyman hymen
hynek hyrum hyun hà hákon hákonía háleygur hálfdan hálfdán hámundur hárekur hárlaugur hásteinn
hávar hávarr hávarður håkan håkon håvard hængur hænir héctor héloïse hélène héðinn híram hólm
hólmar hólmbert hólmbjörg hólmdís hólmfastur hólmfríður hólmgeir hólmgrímur hólmkell hólmsteinn
hólmþór hóseas hödd högna högni hökümə hörn hörður höskuldur höður húbert húgó húmi húnbjörg
húnbogi húndís húngerður húni húnn húnröður hüda hükümdar hülya hümbət hümeyra hürdoğan hürmet
hüryaşar hürüyet hüseyin hüseyn hüseynqulu hüsmen hüsniyyə hüsnühâl hıfzullah hưng hương həci həcər
həmid həsən həsənağa həzi hạnh hải hồng i-an i-chen i-ching i-chun i-fei i-hsiung i-hsuan i-ting
iacob iain ian iancu ianis iara iasmina ib ibaad iben ibeth ibidapo ibironke ibn ibolya ibraaheem
ibraheem ibrahim ibrani ibrohim ibun ibán ica icey icha icho icie icy ida idabelle idamae idda ide
idell idella idika idrees idris idriz idun idık ieremia iesa iesha ieshia ieva ifa ifeanyi
ifechukwu ifeoma ifora iftikhaar iftikhar ifunanya ige iglika ignace ignacia ignacio ignacy ignas
ignat ignatius ignatiy ignatz ignaz ignazio ignác ignė igor igors ihab ihaia ihsaan ihsan ihtesham
ihtiram ihtishaam ihtsham iida iiris iisakki ijaya ijli ika ikbal ike ikechukwu ikenna ikeoluwa
iker ikhlaas ikhsan ikhtiandr ikin ikraam ikram ikramah ikrimah ikshita ila ilah ilan ilari ilaria
ilarie ilarion ilcho ilda ildefonso ildiko ildikó ildız ileana ilene ilenia ilga ilgı ilhan iliana
ilianna ilias ilich ilie ilija ilinca ilinda iliomar ilir iliya iliyan ilja ilka ilkka ilko illa
illugi illya ilma ilmari ilmur ilmārs ilo ilona ilonka ilsa ilse ilya ilyas ilyes ilze ima imane
imani imanol imants imany imara imaran imelda imene imer imilian imke immaculate immanuel immanúel
immo immý imo imogen imogene imona imran imre imrich imron ina inan inaya incho inda indah indali
indi india indiana indie indira indra indrajit indrek indriði indriķis indrė indy indía indíana
indíra ine inell ines inesa inese ineta inez infant ing-britt ing-marie inga inga-britt inga-lill
ingalill ingberg ingbert ingdís inge ingeborg ingeburg ingegerd ingegärd ingela ingelise ingelore
ingemar ingemund inger ingetraud ingetraut ingey ingheiður inghildur ingi ingiberg ingibergur
ingibert ingibjartur ingibjörg ingibjörn ingibjört ingiborg ingifinna ingifríður ingigerður
ingilaug ingileif ingileifur ingilín ingimagn ingimar ingimaría ingimunda ingimundur ingiríður
ingirós ingisól ingivaldur ingiveig ingiþór ingjaldur ingmar ingo ingolf ingram ingrid ingrida
ingried ingrún ingrīda inguna ingunn ingvaldur ingvar ingveldur ingvi ingólfur ingþór inioluwa inka
inken inkeri inko inmaculada inna innocent innokentiy inocencio inocențiu insa inta intan inès inés
inês ināra ioan ioana ioanina ioannis iola iolanda ion iona ione ionel ionela ionelia ionică ionuț
iosefina iosif ipat ipatiy ipolit ippazio ippolit ira iraida irakliy ireland irena irene iretioluwa
irfan irian iriana iridenta iridian irin irina irine irinel irineus iriney iris iriyan irja irko
irl irla irma irmantas irmela irmeli irmengard irmgard irmhild irmi irmingard irmtraud irmtraut
irmtrud irmý irnanto irnik irpa irsad irungu irva irven irvin irvine irving irwan irwin irya iryna
irène irén iréne irēna irıs isa isaac isaack isaak isabel isabela isabell isabella isabelle
isabelly isac isack isadora isadore isai isaiah isaias isak isaline isam isamar isaque isaura isay
isaya isaías ise iseoluwa isfandiyor isha ishaan isham ishani ishanvi ishita ishmael ishola ishwar
isiah isidor isidora isidore isidoro isidro isikhiya isis iskr iskren isla islom ismael ismail
ismaël ismet ismo ismoil ismık isobel isolde isolina isom isperikh israel isreal issa issac issack
issi istan istatko istiliyana istilyan istvan istván isus ita itanya itko itso ituri itzel itziar
iulia iulian iuliana iuliu iurie iustin iustina iustinian iva ivah ivalena ivamina ivan ivana
ivanesa ivanichka ivanka ivanna ivano ivar ivars iveliana iver iverson iveta ivette ivey ivica ivie
ivinka ivka ivo ivona ivone ivonne ivor ivory ivy iván iwan iwo iwona iya iyabode iyadunni iyana
iyanna iymona iza izaaz izabela izabella izabelle izabelė izaiah izayah ize izetta izidor izidora
izmail izola izora izot iztok izyaslav iða iðunn iñaki iľja işin işıkay işıman işın jaabir jaafar
jaak jaakko jaan jaana jaanus jabal jabari jabbaar jabbar jabez jabir jabr jabulani jacalyn jace
jacek jacey jacinta jacintha jacinto jack jackeline jacki jackie jackline jacklyn jackson jacky
jaclyn jacob jacobine jacobo jacobus jacoby jacopo jacque jacquelin jacqueline jacquelyn jacques
jacquez jacquline jacqulyn jad jada jade jaden jader jadiel jadon jadranka jadwiga jadyn jae jaeda
jaeden jael jaelyn jaelynn jaeman jafar jafet jaffer jaga jagapati jagaraga jagat jagdish jagger
jagrati jagvi jahangir jahanzeb jahdami jahdari jaheem jaheim jahi jahiem jahir jahiz jahm jahongir
jai jaida jaiden jaider jaidyn jail jailene jailyn jaiman jaime jaimee jaimie jair jairaj jairo
jairus jais jajuan jaka jakayla jake jaki jakob jakobe jakobs jakobína jakop jakov jakub jalaal
jalal jaleel jalees jaleesa jalen jalia jalil jalisa jalissa jaliyah jalmari jalol jalon jalsa
jalyn jalynn jalə jamaal jamal jamalia jamar jamarcus jamari jamarion jame jameel jamel james
jameson jamey jami jamie jamie-lee jamie-leigh jamil jamila jamin jamir jamison jamiya jammie
jamshid jamya jan jan-erik jan-olof jan-peter jan-åke jana janae janaki janani janay jane janeen
janel janell janelle janene janessa janet janeta janeth janett janetta janette janey janez jangwa
jani janiah janic janice janick janie janik janin janina janine janis janiya janiyah janja jankat
janko jann janna janne janneth jannette janni jannie jannik jannika jannis jano janos janosch
january januja janus janusz janya janyce japhet japheth jaquan jaquelin jaqueline jaquez jara jarad
jared jaren jaret jarett jari jarkko jarl jarlath jarleth jarmila jarmo jarne jarno jarod jarolím
jaromír jaromíra jaron jaroslav jaroslava jaroslaw jarrad jarred jarrell jarret jarrett jarrod
jaruthip jaruwan jarvis jarwa jarwadi jarwi jarún jarþrúður jase jasen jasiah jasin jasiri jaslene
jaslyn jasmani jasmijn jasmin jasmina jasmine jasminka jasmit jasmyn jasmyne jasmín jasna jason
jasper jasur jaswadi jati jatin jatmiko jaunita javan javen javi javier javiera javion javohir
javon javonte jax jaxen jaxon jaxson jaxton jay jaya jayadi jayce jaycee jaycie jaycob jayda jaydan
jayde jayden jaydin jaydon jaye jayeng jayla jaylah jaylan jaylee jayleen jaylen jaylene jaylin
jaylinn jaylon jaylyn jaylynn jayme jaymes jayne jayson jayvion jayvon jazlene jazlyn jazlynn
jazmin jazmine jazmyn jazmyne jazmín jaël jean jean-baptiste jean-charles jean-christophe
jean-claude jean-françois jean-jacques jean-louis jean-luc jean-marc jean-marie jean-michel
jean-paul jean-philippe jean-pierre jean-pol jean-yves jeana jeane jeanetta jeanette jeanie jeanine
jeanmarie jeanna jeanne jeannette jeannie jeannine jeannot jeanny jeb jebet jecinta jed jedediah
jedidah jedidiah jeet jeevika jef jeferson jeff jefferey jefferson jeffery jeffie jeffrey jeffry
jefri jeison jeisson jekaterina jelagat jelani jele jelena jelita jelka jelle jelte jemal jemima
jemimah jemma jemutai jen jen-chieh jena jenaro jenel jenelle jenetta jenifer jeniffer jenilee
jenipher jenn jenna jennette jenni jennie jennifer jenniffer jennings jenny jenný jens jens-peter
jens-uwe jensen jensína jente jenő jep jepchirchir jepchumba jepkemoi jepkoech jepkorir jepkosgei
jeppe jeptha jeptoo jerad jerald jeraldine jeramiah jeramie jeramy jere jered jerel jereme jeremey
jeremi jeremiah jeremias jeremie jeremy jeremías jerguš jeri jerica jerilyn jerilynn jerimiah
jerimy jerker jermain jermaine jerman jermey jermiah jernej jerneja jerod jeroen jerold jerome
jeromy jeronimo jerono jerop jerotich jerrad jerrel jerrell jerri jerrica jerrie jerrilyn jerrod
jerrold jerry jerson jerusha jeruto jeryl jerzy jerónimo jerôme jes jesca jesenia jesica jesper
jess jesse jessee jessenia jessi jessica jessie jessika jessy jessye jessý jesus jesusa jesús jet
jethro jetmir jeton jett jetta jettie jevgeni jevon jewel jewell jezups jhalak jhan jhoan jhoana
jhon jhonatan jhonny jhony ji ji-ho ji-woo jia jian jiang jie jiho jil jiles jill jillian jim
jimena jimmie jimmy jin jin-woo jina jinawi jindra jindřich jindřiška jing jinjuta jinnie jinthe
jip jiri jisoo jitka jitrin jiwoo jiřina jiří jo joachim joacim joakim joan joana joanie joann
joanna joanne joannes joao joaquim joaquin joaquina joaquín joash jobe jobst jocelyn jocelyne
jocelynn jochem jochen jochum jodi jodie jody joe joel joell joella joelle joellen joep joerg joeri
joeseph joesph joetta joette joey joffrey johan johana johann johanna johannah johanne johannes
johans johathan john johnathan johnathon johney johnie johnna johnnie johnny johnpaul johnson
johnstone johny joi joke joko jokūbas jolana jolanda jolanta jolanthe joleen jolene jolette jolie
jolien jolijn jolina joline jolán jon jona jonah jonas jonatan jonathan jonathon jonell jones joni
jonna jonnie jonny jono jonás jonáš joojo joon joon-ho joona joonas joonatan joost joppe joram
joran jordan jordana jorden jordi jordin jordon jordy jordyn jordán joren joretta jorge joris jorja
jorma jorn jort jorunn jory jorūnė jos jose josef josefa josefiina josefin josefina josefine
josefita joselin joseline joseluis joselyn josep joseph josepha josephat josephina josephine
josephus josette josh joshua joshuah josiah josiane josianne josie josiephine josip josipa joslyn
joso josphat josphine josse jossie jost josua josue josué josy josé josée joséphine jouko jouni
journey jovan jovana jovani jovanni jovanny jovany jovche jovina jovita joy joyce joycelyn joye
joyline jozef jozefína jozo joão joé joël joëlle joško jožef jožefa jožica jua juan juana juanita
juanito judah judd jude judi judie judit judita judith judson judy judyth juelz juergen juha juhana
juhani juho jui-en jukka jule jules juli julia julian juliana juliane juliann julianna julianne
julie julie-anne julien julienne juliet julieta julieth juliette julija julijana julio julious
julisa julissa julita julius juliusz julián juluis juma jumaane jumadi jumari jun juna june jung
jung-hua junho juni junia junie junior junious junius juozas juraj jure jurgen jurgita juri jurij
juris jurre jussi justas justen justice justin justina justinas justine justiniani justo juston
justus justyn justyna justína jusuf jutta juul juulia juuso juvenal juwan juwon jyoti jyrki jytte
ján jános járnbrá járngerður járngrímur játgeir játmundur játvarður jázmin jérémie jérémy jérôme
jéssica jóa jóakim jóann jóanna jódís jóel jófríður jóhann jóhanna jóhannes jói jólín jómar
jómundur jón jóna jónanna jónar jónas jónasína jónatan jónbjörg jónbjörn jónbjört jóndís jóndór
jóndóra jóney jónfríður jóngeir jóngerð jónheiður jónhildur jóninna jónmundur jónný jónsteinn
jónída jónína jóný jónþór jóra jórlaug jórunn jóríður jósafat jósavin jósebína jósef jósefín
jósefína jósep jósteinn jósúa jóvin józef józsef jökla jökull jökulrós jörfi jörg jörg-peter jörgen
jörgína jörmundur jörn jörri jörundur jörvar jörvi jørgen júdea júdit júlia július júlí júlía
júlían júlíana júlíanna júlíetta júlírós júlíus júní júnía júníana júníus júrek jürg jürgen jüri
jānis jāzeps jēkabs jēkaubs jędrzej jūla jūle jūlija jūlijs kaamil kaan kaaren kaarina kaarlo
kaashif kaat kaazim kabeer kabir kabiru kacey kachela kaci kacie kacper kacung kacy kada kade
kadeem kaden kadence kader kadifeyka kadijah kadin kadir kadri kadyn kadınana kaeden kael kaela
kaelyn kaelynn kafeel kahina kahir kahlil kahu kahurangi kai kai-hsiang kai-uwe kaia kaiden kaija
kaila kailee kailey kailyn kaique kairav kaisa kaiser kaitlin kaitlyn kaitlynn kaito kaiya kaj kaja
kajen kajetan kajji kajsa kajus kakali kaktus kala kalani kalbi kaldi kale kaleb kaleem kaleema
kaleena kaleigh kalel kalen kalene kalervo kalevi kaley kaleya kalgay kali kalie kalim kalina
kalisa kaliyah kalla kalle kallie kallistrat kalman kalmann kalmar kalpit kaltrina kaluda kaluwa
kalvin kalyn kamal kamala kamar kamari kamaria kamau kambali kamden kameron kameya kami kamidin
kamiel kamil kamila kamilah kamilla kamilly kamilə kamma kamolchanok kamora kamran kamren kamron
kamryn kamya kamí kana kanak kanda kandace kandef kandi kandice kandy kane kanesha kang kani kania
kanini kanisha kanpulat kanusha kanye kaombwe kaori kapagan kapitola kapiton kaprasíus kapítóla
kara karaamat karabaş karaca karaer karakucak karam karama karamelita karan karanbay karani karanja
karataş karcan karcho kardelen kardi kareem kareen karel karen kari karie karim karima karimah
kariman karimi karin karina karine karis karissa karitas kariuki karja karkur karl karl-august
karl-dieter karl-erik karl-ernst karl-friedrich karl-georg karl-hans karl-heinrich karl-heinz
karl-hermann karl-josef karl-jürgen karl-ludwig karl-otto karl-peter karl-werner karl-wilhelm karla
karlee karlene karles karley karlfried karlheinz karli karlie karlijn karlinna karlo karlotta
karlukhan karly karlína karlīna karma karman karmen karna karol karola karolien karoliina karolin
karolina karoline karolis karolyn karolína karon karp karren karri karrie karsa karsana karson
karsten karsyn karta karter karthik kartika karvel karya karyl karyme karyn karí karín karína
karítas karó karólín karólína kasam kasandra kasen kasey kash kashan kashangaki kashif kashish
kashvi kasidi kasie kasim kasimir kasiran kasiyah kaskazi kason kaspar kaspars kasper kassandra
kassidy kassie kassim kastriot kastíel kasusra kasyan kata katakomb katalin katalina katalinka
katana katariina katarina katarzyna katarína katarínus katarīna katastrofa katcha kate katelijne
katelin katelyn katelynn katerin katerina katerine katerína kateřina kathaleen katharina katharine
katharyn katherin katherina katherine katherinne kathern katheryn kathey kathi kathie kathinka
kathleen kathlene kathlyn kathrin kathrine kathryn kathryne kathy kathyrn kati katia katica katie
katie-louise katina katinka katja katla katleen katlin katlyn katlynn kato katri katrien katriina
katrijn katrin katrina katrine katriona katrín katrína katrīna kattie katty katy katya kató katý
kauko kaunka kauri kauthar kaver kavon kavurt kavya kawaca kawaya kawkab kawthar kay kay-uwe kaya
kayagün kaycee kayden kaydence kaye kaygusuz kayla kaylah kaylan kaylee kayleen kayleigh kaylen
kaylene kayley kayli kaylie kaylin kaylyn kaylynn kayrabay kaysan kayson kayun kayıt kazi kazim
kazimierz kazimir kazimír kazuko kazuo kazuya kazım kaðlín kaşif keagan kealan keandre keanna keano
keanu keara keaton kecia keegan keelan keeley keely keena keenan keenen keesha keeva kefser kegan
keifer keijo keiko keila keion keira keisha keith keji kelan kelby kelcie keld kelechi keli kelis
kellan kellee kellen kelley kelli kellie kelly kelly-anne kelly-marie kellý kelsea kelsey kelsi
kelsie kelton kelvin kelâmi kem kemal kemba kemboi kemuma kemunto ken kenan kenari kendal kendall
kendell kendra kendrick kenedy kenes keneth kenia kenichi kenisha kenji kenley kenn kenna kennard
kennedi kennedy kennet kenneth kenney kennith kennth kenny kent kenter kenth kenton kenya kenyangi
kenyatta kenyon kenza kenzie kenzo keon keran keranka keri kerim kerime kerman kermit kerri kerrie
kerry kerstin kerttu kerubo kerwin kesha keshaun keshawn keshia kete keti ketilbjörg ketilbjörn
ketilfríður ketill ketilríður kevan keven kevin kevon kevork keya keyaan keyla keyon keyshawn
kezban kezia keziah khaalid khaan khacho khadidja khadija khadijah khaled khalid khalil khalilah
khamani khamisi khana khanko khanyisile kharalambi kharalampi kharalan kharbingr khari khariton
kharitoniya kharizan kharlampiy khasan khasatin khavtelin khebr khefestion khektor khenrieta
kheraklit khernani khiminay khinka khinko khino khiry khitko khloe khoa kholi khoma khoroz khrabr
khrabrin khranimir khranislava khrelko khrelo khrisanka khrischo khrisim khrisimir khriso khrista
khristalin khristela khristiela khristilian khristiliyana khristina khristivilin khristiyan khristo
khristodor khristoelena khristofor khristomil khristomir khristoslav khristozar khristozornitsian
khristozornitsomil khristya khrondel khrusan khuban khubav khubavelka khubaven khuben khvoyne kia
kiaan kiah kian kiana kiandra kianna kiano kiapo kiara kiaran kiarie kiarra kibafupia kibar kiber
kibet kibibi kiburi kick kiddý kiefer kiel kiera kieran kiernan kieron kierra kiersten kieth kifaye
kifayət kijana kijani kike kikelomo kiki kiley kilian kiljan killian kilonzo kilían kim kimani
kimanzi kimathi kimba kimball kimber kimberely kimberlee kimberley kimberli kimberlie kimberly
kimbilio kimbo kimcho kimeu kimmo kimon kimora kimutai kimya kin kinaya kindra king kinga kingston
kinka kinley kino kinsey kinsley kinta kinte kinubi kinuthia kinyanjui kinyua kiojah kioko kip
kipchirchir kipchumba kipenzi kipepeo kipkemboi kipkemoi kipkirui kipkoech kipkorir kipkosgei
kipkurui kiplagat kiplangat kiplimo kipngeno kipngetich kipp kipras kiprislav kipriyan kiprono
kiprop kiprotich kipruto kipsang kiptoo kipyegon kir kira kiramettin kirby kircho kiri kirien kiril
kirill kirilo kirk kirka kirsi kirsten kirsti kirstie kirstin kirstine kirsty kirstín kirt kirui
kiryak kiryaki kiryako kis kisha kisima kit kitan kitchitsa kito kitodar kitomir kitti kittie kitty
kittý kiume kiwara kiya kiyasi kiyoko kiyoshi kizzie kizzy kjalar kjallakur kjalvör kjaran kjartan
kjarval kjeld kjell kjersti kjetil kjárr kjói klaas klara klas klaudia klaudie klaus klaus-dieter
klaus-günter klaus-jürgen klaus-michael klaus-peter klaus-ulrich klaus-werner klavdija klavdiy
klavdiya klavs klea klemen klemens klement klementína klemenz kleuna kleópatra klim kliment kloe
klothilde kloya kládía klára kläre klængur knina knox knud knut knute knörr knútur kobe koby
kocabaş koda kodchaporn kody koech koen koenraad kofi koggi kojo kokimira koko kolawole kolbeinn
kolbjörg kolbjörn kolbrá kolbrún kolby kolcho koldan koldís kole kolfinna kolfinnur kolfreyja
kolgríma kolgrímur kolka kolmar kolo koloman kolskeggur kolten kolton kolur kolviður kolyu komara
komnin koncagül kondo kondrat kondratiy konguralp konkordía konner konnor konný konon konrad
konradi konradus konráð konstantin konstantina konstantinos konstanty konstantínus konstanze
konštantín kopan kora koray korbin korbinian kordell kordula korede korey kori korinna korir korka
korkmazalp kormlöð kormákur kornel kornelia kornelija kornelius korneliya kornelía kornelíus kornil
kornél kornélia kort kortney korugan kory kosgei kosisochukwu kosta kostadinka kostyantin kotryna
kotuz kourtney kovu koycho koyno koyo kozma koçak koçkan koðrán koşukhan kraig kraki kralina
krasidara krasiyana kreszentia kreszenz kriemhild kris krish krisha krishna krisi krissy krista
kristabela kristal kristall kristan kristaps kristberg kristbergur kristbjörg kristbjörn kristborg
kristdór kristel kristen kristens kristensa krister kristers kristey kristfinnur kristfríður
kristgeir kristgerður kristi kristiaan kristian kristiana kristiane kristie kristien kristiina
kristijan kristin kristina kristine kristinn kristiya kristián kristiāna kristjan kristjana
kristján kristjón kristjóna kristlaug kristlaugur kristleifur kristlind kristlín kristmann kristmar
kristmundur kristný kristof kristofer kristoffer kristopher kristrós kristrún krists kristupas
kristvaldur kristvarður kristveig kristvin kristvina kristy kristyn kristíana kristíanna kristín
kristína kristóf kristófer kristólína kristýna kristþór kristþóra krisztina krisztián krisztofer
kritika krišjānis krišs krištof krstanka krste krummi krysta krystal krysten krystian krystin
krystina krystle krystyna kryštof krzysztof kría ksandriniya ksawery ksenija kseniya kuan-hung
kuan-lin kuan-ting kuan-yu kuchanua kuddusi kujoe kujtim kullervo kulnun kumar kumiko kumral kumush
kun kunaporn kuncara kunibert kunigunda kunigunde kunka kunle kuno kunta kunthara kuo-hsiung
kuo-hua kuo-jung kupriyan kuria kurnia kurt kurtis kurunzi kushtrim kusiima kustaa kusuma kutay
kutgün kutun kuzma kuzman kveldúlfur kvetoslav kvetoslava květa květoslava kwabena kwadwo kwaku
kwamboka kwame kwamena kwasi kweku kweli kwesi kya kyalo kyan kyano kyara kyla kylah kylan kyle
kylee kyleigh kylene kyler kylian kylie kyllian kyllikki kymani kyosuke kyra kyree kyrie kyson
kyung kálmán kár kára kári károly kâmil kâzime käte käthe käthi kåre kæja kévim kévin kókó kópur
köker köktaş könül kösemen kövsər kübran künkyi kürşad kārlis kęstutis kılıçbay kınel kırat kırgız
kısmet kıvılcım kızıl kızıltunç kəmalə kəmaləddin kənan kəramət kərim laban labeeb labib labinot
labuh lacey lachlan laci lacie lacy lada ladarius laddie ladimir ladina ladislau ladislaus ladislav
ladislava ladli ladonna laeeq laetitia lafayette lafe lage lahiah lahoma laia laika laila lailah
lailati laimonis lainey laini laiq laisha laith lajita lajlaj lajos lakeisha laken lakendra lakesha
lakeshia lakisha laksana laksh lakshit lakshmi lala lalita lalka lalko lalla lalo laly lalə laləzar
lamar lamarcus lambert lamberto lambi lambo lambyu lameck lamine lamiyə lamont lamonte lan lana
lanang lance landan landen lander landin lando landon landyn lane lanette laney langalibalele
langat langgeng lani lanie lanita lanjar lannie lanny lanselot lantar laoise laora laqeet laquan
laquita lara lara-sophie larae laraine laras larisa larissa lark larkin laron larry lars lars-erik
lars-göran lars-olof lars-åke larue lary larysa lascăr lashanda lashawn lashonda lashunda laskal
laskar lasmanto lasmono lasonya lasse lassi lassie lastr laswi laszlo latanya latarsha latasha
lateef latesha latif latifah latika latin latisha latko lato latonia latonya latoria latosha latoya
latoyia latrell latrice latricia latrina latsa latyu laufar laufey laufheiður laufhildur lauga
laugey laugheiður laugi launa laura laurance laure laureano laureen laurel lauren laurence laurene
laurens laurent laurenz laurenția laurențiu lauretta laurette lauri laurian lauriane laurie laurin
laurina laurine lauris laurita laurits lauritz lauryn laurynas laus laust lautaro lavada lavanya
lavar lavelle lavender lavenia lavera lavern laverna laverne lavina lavinia lavon lavona lavonda
lavonia lavonne lavr lavrentiy lavínia lavīze lawanda lawerence lawrance lawrence lawrencia lawson
lawton layla laylah laylo layne layth layton lazar lazaro laze laziz lazura lazzaro lazăr lazım
laçın laëtitia laíla laís lchezarka le lea lea-sophie leafy leah leala leamon lean leana leander
leandr leandra leandro leaner leann leanna leanne leano leart leatha leatrice lecho leda ledion
ledün lee leeann leela leen leena leeroy leesa leevi lefter lega legawa lei leia leider leidy leif
leifur leigh leighton leiknir leikný leila leilani leire leisa leisha leitha leiðólfur lejla leka
leke lekha leko lela lelah leland lelar lelia lella lem lembah lemma lemmie lemon lempi lemuel len
lena lenah lenard lenche lene leni lenin lenka lenko lenn lenna lennard lennart lennarth lennert
lennie lennon lenny lenon lenora lenord lenore lenwood leo leocadia leocadio leokadia leola leoma
leon leona leonard leonardo leonce leoncio leone leonel leonhard leoni leonia leonid leonidas
leonie leonor leonora leonore leons leontin leontina leontine leontiy leontīne leonóra leopold
leopolda leopoldina leopoldine leopoldo leora leordean leota leoš lera lerato lere leroy lerze les
lesa lesana lese lesia leslee lesley lesli leslie lesly lessie lesta lester leszek leta letha
lethia leticia leticija letisiya letitia letizia letiția letta lettie letty letícia lev leva levar
levcho levent levente levern levi levie levin levina levis levko levon levoslav levy leví lew lewis
lex lexi lexie lexis lexus leydi leyla leyla-katharina leyli leyre lezize leïla leó león leóna
leónidas leónóra leópold lhanzey li li-chen li-chin li-ching li-chu li-chuan li-hsiang li-hsueh
li-hua li-ling li-mei li-yu li-yun lia liam lian liana liane liang lias liban libardo libbie libby
liberta liberto liberty libia libni libor libuša libuše liceth licho licia lică lida liddie lidia
lidie lidija lidiya lidiyka lidwina lidya lieke lien liene liepa lies liesa liesbet liesbeth
lieschen liesel lieselot lieselotte lieve lieven lieze lige ligia ligita liisa lika likhiya lila
lilah lilburn lilcho lili lilia lilian liliana liliane lilianna lilie lilija lilijana lilita liliya
lilja liljana liljar liljurós liljá lilko lill lilla lillard lillemor liller lilli lillia lillian
lilliana lillianna lillie lillis lilly lillý lilo lilou lily lilyan lilyana lilyanka lilyanna lilý
lim liman limar limazah limon lin lina linah linas lincoln lind linda lindah lindar lindberg
lindbergh linddís linde lindell linden lindita lindiwe lindsay lindsey lindy linet linette ling
lingný linh link linn linna linnea linnie linnéa lino linsey lintang linton linus linwood linzy lio
lioara lioba lionel lipe lipika liridon liridona lirim lirjan lisa lisa-marie lisandro lisanne
lisbet lisbeth lise lise-lott lise-lotte liselott liselotte liseth lisette lish lisha lisle lissa
lissette lissi lissie lissy listalín liston lita litha littie littleton litzy liv liva livia
livingstone livio liviu liwia liya liyaaqat liyaqat liz liza lizabeth lizbeth lize lizete lizeth
lizette lizz lizzie lizzy ljiljana ljubica ljubisa ljubov ljudmila ljósbjörg ljósbrá ljósálfur
ljótunn ljótur ljúfur llewellyn lloyd lo loan lockie loda lode lodewijk lodovico loek loes lofn
loftur loftveig logan logey logi lohit loice loida lois loise lokbrá loke loki lola lolita lolla
lollie loma lon lona londisizwe londiwe london londyn lone loney longin loni lonie lonna lonnie
lonny lonzo loot lopa lope lora loraine loran lorans lorayne lorcan lore lorean loredana loree
loreen lorelai lorelei loren lorena lorene lorenz lorenza lorenzo loreto loretta loretto lori loria
loriann lorie lorik lorin lorinda lorine loring loris lorna lorne lorraine lorrayne lorri lorrie
lossie lota lotfi lothar loti lott lotta lotte lotti lottie lou louana louane louann louanna
louella louetta loui louie louis louisa louise louisiana louka loula louna lourdes lourenço lousie
louvenia lova lovcho love lovell lovett lovey lovie lovina lovis lovisa lovre lovro lovísa lowe
lowell lowie loy loyal loyce loyd loyola lozan lozana lozanka lozen loïc loïs loðmundur lu luan
luana luann luanne luara luay luberta lubomír luboš luc luca lucas lucca luce lucențiu lucero
lucetta lucette luchezar luchino lucho lucia lucian luciana luciano lucie lucien lucienne lucija
lucila lucile lucille lucina lucinda lucindy lucio lucious lucius lucky lucrecia lucretia lucrezia
lucreția lucrețiu lucy lucía luda ludger ludie ludivine ludmila ludmilla ludo ludolf ludovic
ludovica ludovico ludovicus ludvig ludvik ludvík ludwig ludwina luděk lue luej luella luena luetta
lugenia luhung luigi luigia luigina luis luisa luisana luise luisina luitgard luiza lujza luka
lukan lukas lukasz luke lukita lukiya lukka lukman luko lukyan lukáš lula lulah lular lulcho luli
lulie luljeta lulla lulu luluh lulut lulzim lum luminița lumír luna lundi lungile lunna lupe lupita
luqmaan luqman lura lurana lurena lurhur lurline lusio lusiya luster lut lute lutf lutfan lutfi
lutgarde lutgardis lutgart luther luthfi lutie lutz luuk luvenia luverne luvinia luwar luwes
luyanda luz luzia luzie luzius luzmira luís luísa lwandile lya lyam lyanka lyda lydell lydia lydiah
lydiane lydianne lydie lydía lykke lyla lylah lyle lyman lyn lyna lynda lyndia lyndon lyndsay
lyndsey lynette lyngar lyngheiður lynley lynn lynne lynnette lynsey lynwood lyric lysiane lyubim
lyubina lyublina lyubomir lyuboslava lyubosmysl lyubov lyudmila lyulyana lyusila lár lára lárensína
lárent lárentíus láretta lárey lárus lászló lázaro lâle lâm læla lærke léa léana léandre léane léna
léo léon léonard léonce léone léonie léontine léopold lér lía líba líf lífdís lín lína línberg
línbjörg líndís líneik líney línhildur líni lísa lísabet lísandra lísbet lísebet lív lívia lóa
lóreley lórens lórenz lúcia lúcía lúkas lúna lúsinda lúsía lúter lúther lúvísa lúísa lúðvíg lúðvík
lúðvíka lüfen lütfi lütfiyyə lýdia lýdie lýdía lýtingur lýður lăcrămioara lėja lība līga līna līza
lūcija ləman lətafət lətif lətifə maahir maaike maajid maalik maanas maanav maaria maarit maarten
maartje maawiya maaya maaz maazin mabad mabel mabell mabelle mable mac macarena macaria macario
macarthur macauley mace macel maceo macey macharia machelle maci macide macie maciej mack mackenzie
macs macy mad madaha madalena madaline madalyn madalynn madani madara maddalena madden maddie
maddison maddox maddux maddý madeleine madelene madelief madeline madelyn madelynn madge madhav
madhavi madie madilyn madilynn madina madini madisen madison madisyn madiyan madleina madlen madlyn
madoa madonna madora mads madyan madyson mae maebell maebelle maegan mael maeva maeve mafalda
maftuna magali magalie magaly magan magarete magda magdalen magdalena magdalene magdaline magdaléna
magdolna magen magga maggey maggi maggie maggy maggý magna magndís magne magnea magnes magney
magnfríður magngeir magnheiður magnhildur magni magnolia magnus magnús magnúsína magný magnþór
magnþóra magret magrit magðalena mahad mahala mahali mahalia mahalie mahaz mahbeer mahboob mahbub
mahdee mahdi mahdy maheen maher mahesa mahfooz mahfud mahfuj mahfuz mahi mahigül mahika mahir
mahirə mahizər mahja mahlon mahmood mahmoud mahmud mahmut mahnaz mahsun mahter mahulena mai maia
maicol maida maie maighread maija maik maike maiken maikol maila maimuna maimunah maina maingi
maira maire mairead mairin mairtin maisa maisha maisy maisə maite maitê maivi maiya maj maj-britt
maj-lis maja majani majd majdi majdy majeed majella majken majvor makai makaila makala makan makana
makar makara makarena makau makayla makeen makena makenna makenzie makhi makhno makini makokha
makori maks maksim maksimiliyana maksimiljan maksimilyan maksur maksymilian maksüde makunga makuta
makuu mal mala malachi malachy malak malakai malaki malaya malcolm malcom male malea maleah malen
malena malene malgorzata malia maliah malik malika malin malinda malio malissa malissie maliyah
maliza malla malle mallie mallorie mallory malorie malou malte malthe maltina malu malva malvin
malvina malvína malwina malía malín mamadou maman mame mamen mamie mammie mamun manaaki manabu
manaf manah manaia manan manawa manbir manca manchestryunayted mancho manda mandi mandie mandla
mandlakhe mandy manel manerva manervia manford manfred manfreð manie manila manilla manja manley
manly mannie manning mano manoel manol manola manole manolina manolo manon mansfield manson
mansurali mantas manthan mantė manu manuel manuela manuelita manuella manuelle manuil manus manush
manya manyu manúel manúela maqsud mar mara mara-julie maraea maralyn maranda marangoni maras
marbjörn marc marcantonio marcel marcela marcelina marceline marcelino marcell marcella marcelle
marcello marcellus marcelo marchello marchelo marcheta marci marcia marcial marciano marcie marcin
marcio marco marcos marcu marcus marcy mardell mardís mare maree mareen mareike mareikura mareile
marek mareks marel marela mareli marella marely maren marese marey marfa marfríður marga margana
margaret margareta margarete margaretha margarethe margarett margaretta margarette margarida
margarit margarita margarite margaritha margarito margaréta margaud margaux marge margeir margene
margeret margery marget margherita margie margit margita margitta margo margot margoth margret
margreth margrethe margrett margretta margrieta margrit margrith margrjet margrét margrímur
marguerite margueritte margunnur margurite margus marguy margy marheiður mari maria maria-luise
maria-theresia mariadi mariah mariam marian mariana mariane marianela mariangela marianita mariann
marianna marianne mariano maribel maribeth marica maricel maricela maricica maricruz marie
marie-ange marie-anne marie-cecilie marie-christine marie-claire marie-claude marie-france
marie-françoise marie-hélène marie-jeanne marie-josé marie-laure marie-line marie-louise
marie-luise marie-madeleine marie-noëlle marie-paule marie-pierre marie-rose marie-sophie
marie-theres marie-therese marie-thérèse mariechen marieke mariel mariela mariele mariella marielle
marieluise marietta mariette marija marijan marijana marijke marijn marijón marika marikó marilee
marilena marilla marilou mariluz marilyn marilynn marin marina marincho marinda marine marinel
marinela marinella marineta marinette marini marinka marino marinus marinó mario marioara mariola
mariollita marion mariotka marisa marise marisel marisela marisol marissa maristela marit marita
maritna maritta maritza marius mariusz mariy mariya mariyah mariyan mariyka marián marja
marja-leena marja-liisa marjaana marjan marjana marjanca marjani marjatta marjeta marjo marjona
marjorie marjory marjukka marjut marjón mark markas markel markell marketta markita markku marko
markrún markus markéta markó markús markþór marla marlana marland marlaug marlee marleen marleigh
marlen marlena marlene marleny marley marlie marlies marliese marlin marlis marlise marlo marlon
marly marlyn marlys marlyse marlène marlén marlín marlís marni marnie marnita marnix marolyn maron
maroof maroš marques marquez marquis marquise marquita marri marrion marry mars marsa marsellíus
marselía marselína marsh marsha marshal marshall marsibil marsilía marsito marsudi marsý mart marta
martaka martana martani marte marteinn martell marten martez martha marthe marthen marti martial
martijn martika martim martin martina martine martiniyan martino martirio martta martti marty
martyan martyn martynas martí martín martína marush marusya maruša marva marvel marvin marwa
marwata mary maryadi maryam maryann maryanne maryanto marybelle marybeth maryellen maryjane maryjo
marylee marylin maryline marylou marylouise marylyn marylène maryse maryvonne marzena marí maría
maríam marían maríana maríanna marías marín marína marínella marínó maríon marís marísa marísól
marít maríuerla maríus marólína marý masa masako masao masar masha masho masika masinde maslina
mason massiel massimiliano massimo massinissa masume mat matas mate matea matei matej mateja mateo
mateus mateusz matevž matey math matheo matheus mathew mathews mathias mathieu mathijs mathilda
mathilde mathis mathys mathéo mathías mati matias matic matie matija matilda matilde matiu matjaž
matka mato matouš mats matt matta mattea matteo matthea matthew matthias matthieu matthijs
matthilda matthildur matthäus matthía matthías matti mattia mattias mattie matts matty mattye
mattéo mattíana mattías mattína mattý matunda matvey matyu matyáš matéo matías matúš matěj matīss
maua maud maude maudie mauno maura maureen mauri maurice mauricette mauricio maurilio maurin
maurine maurits mauritz maurizio mauro maurus maury maurycy maverick mavie mavis mavuno max maxence
maxi maxie maxim maxima maxime maximiano maximilian maximiliano maximilien maximilián maximillian
maximino maximo maximus maxine maxwel maxwell maxx maya maybell maybelle maye mayerly maykol mayme
maymie maynard maynur mayra maysa mayte mayya mazie mazlum maël maëlle maëlys maëva maía maídís
maísól maïté maşide maša maža mbithi mboya mbugua mburu mcarthur mcebisi mckayla mckenna mckenzie
mckinley meabh meadow meagan meaghan mearl mechelle mechislav mechthild mechthilde mechtild mecide
mecit meda medard median medikha medina medora medėja meelis meena meera mees mefarettin mefharet
mefodiy meg megan meggan megha meghan meghana meghann mehbarə mehdi mehdiqulu mehdiye mehin mehman
mehmed mehmet mehmetzahir mehrigül mehrimoh mei mei-chen mei-chu mei-chuan mei-feng mei-hua mei-hui
mei-lan mei-li mei-ling mei-ying mei-yu mei-yun meibh meik meike meinhard meinolf meinrad meja
mekhala mekhi mekkin mekkinó mekkín mel melaha melania melanie melanine melaniya melany melba
melbourne melchior melchor meldi melek meleknur melichar melihcan melikkan melina melinda melisa
melissa melissia melita melitta melker melkorka melkíor melkólmur mell melle mellie mellisa
mellissa melodee melodie melody melonie melony melrakki melrós melton melva melville melvin melvina
melvine melvyn melwin melánia melûl memili memphis mena menachem mendy menfeat meng mengi mengüç
menişan meno mensalder meral merba mercedes mercer merche mercy mercyline merdi mere mereana
meredith merel meret merete merethe mergim meriem merijn merike merilin merilyn merim merita merja
merkúr merl merle merlene merlin merlyn merna meropa merri merrie merrilee merrill merrily merritt
merry mert mertel mertie merton merva merve mervi mervin mervyn merwin mery meryem meryeme meryl
merzuk mesak meshack messiah messíana mestur mesude mesut metaksa metehan metha methúsalem metin
metinkaya metka metod metodi metrine metro metta mette mettie metúsalem meveddet mevlüdiye mevlüt
mey meyer meyhanim meyransa meyvant mezide meşhur mia miah micael micaela micah micayla miceal
micha michael michaela michaele michail michal michala michale michaël michał micheal micheala
michel michela michelangelo michele micheletto michelina micheline michell michelle michelotto
michial michiel michèle mick mickael mickaël mickey mickie micky mie mieke miel miesha mieszko
migdalia miglena miglė mignon miguel miguela miguelangel miha mihael mihaela mihai mihail mihajlo
mihels mihhail mihin mihkel mihnea mihrab mihriye mihály miia miika mijo mik mika mikael mikaela
mikaelína mikaere mikaila mikako mikal mikala mikalah mikayla mikayıl mike mikeal mikel mikels
mikey mikhail mikhaylena mikhaylina mikhaylo mikhey miki mikita mikjáll mikkael mikkalína mikkel
mikko miklós mikolay mikołaj miku mikuláš mikyas mila milada milagros milan milana milara milas
milay milburn milcah milda mildinberg mildiya mildred mildríður mile milen milena miles miley
milford miliana milica milissa militsa miliy milka milkah milla millaray millard mille miller
millicent millie mills milly millý milo milorad milos miloslav miloslava milost milota milou
milovan miloš milton miluše milán mima mimi mimmi mimoza mimy min min-jun mina minda mindaugas
mindi mindy minenhle miner minerva minervia ming ming-che ming-chu ming-hui ming-hung ming-te
ming-tsung minh minibe minji minjun minka minna minney minnie minný minodora minor minoru minta
mintie minurə mio mioara miodrag mir mira mirabela miracle miran miranda miranza miray mirbadin
mircea mirco mirdza mireia mireille mirela mirella mirena mireya miriah miriam miriama mirian mirja
mirjam mirjami mirjana mirko mirlinda mirna miro miron mirona mironshoh miropa miroslav miroslava
miroslaw miroslawa mirra mirriam mirsad mirta mirte mirtha mirthe mirtie miruna miryam mirzə mirəli
misael mischa misha mishat mishka misla mislav misra missie missouri missy mist misti mistie misty
misuli mitali mitch mitchel mitchell mitchelle mitesh mitică mitko mitofan mitoshka mitra mitruț
mittie mituru mitzi mitzy miya miyesser mizhir miķelis miłosz mjalldís mjallhvít mjaðveig mjöll
mjöllnir mjölnir mkarkara mladen mladlena mlungisi mnqobi moa modena modest modesta modesto modris
modupe moe moesha mofifoluwa mogens mohamad mohamed mohamedi mohammad mohammed mohamud mohand
mohini mohinur mohlaroyim moira moises moisey moisés mojca mojisola mojisoluwa mojmír mokey moli
mollie molly momanyi momchilo momera momoko mona monalisa monica monicah monika monique monis monja
monna monnie monroe monserrat mont montana monte montel montgomery montie montrell montserrat monty
moody mora moraa moradeke morayo mordechai moreen morena morenike moreno morgan morgane moriah
morine moritz morolake morris mortadela morten mortimer morton mose moses moshe mosi mosinmileoluwa
mossie mosunmola motunrayo mouloud mounir mourad moureen mourib mourine moussa moya moyosore mozell
mozella mozelle mrihani mstislav mthokozisi muarra mubina mucahit muchiri muema mueni mufide
mugambi mugdha mugendi muggur mugo mugur mugurel muhallil muhamed muhamet muhammad muhammadali
muhammadamin muhammadamir muhammadayub muhammadaziz muhammadrizo muhammadsafo muhammadsodiq
muhammadsolih muhammadumar muhammadyasin muhammadyusuf muhammadziyo muhammed muhammet muharrem
muhazzim muhima muhip muhiye muhsina muhyettin muia muireann muiruri muizza mujde mujur mukbile
mukhwana muktedir mulele muli mulwa mulya mulyanto mulyono mumbi mumo mumpuni mumtoz munda
mundheiður mundhildur mundína munene mungai muni muninn munisa munyao munyoki murad murat muratcan
murdock muriel murielle muriithi murilo murimi murithi muriuki murl murod murphy murray murry
mursalina mursinin mursita murti musa musafet musaffa musau musee musembi musfira mushana mushtariy
musila muslim muslima mustafa mustafo mustapha mustika mustofa musyoka musyoki mutai mutasım
muthama muthengi muthoka muthoni muthui mutia mutie mutinda mutiso mutisya mutluhan mutua mutuku
mutunga muturi muvaffak muvahhide muxlisa muxtar muzaffer muzayyana muzdahir muzdalifa muzhir
mwamini mwanajuma mwanamisi mwangangi mwangi mwaniki mwanzia mwasaa mwaura mwende mwendwa mwezi
mwikali mwiti mya myah mychal myer mykel mykhailo mykola myla mylee myles mylie mylène myra myranda
myriam myrkvi myrl myrle myrna myron myrra myrta myrtha myrthe myrtice myrtie myrtis myrtle mzamo
mábil málfríður málhildur málmfríður mánadís máney máni már mára márcio mária mário márk márta
márton márus mátyás máté máxima máximo märta märtha måns mårten mégane mélanie mélina mélissa
mélodie mía mías mímir mínerva mír míra míranda mítra míó módís móeiður móey móheiður móna mónica
mónika móníka móri móric mórits móses móði möhsim mörk mörður múli mübariz mübetcel mücellib
mücevher müferrih müfit müjde mükramin mükrüme mülayim mülâyim mümtaz mümtaze münezzer münif
müntəzir münəvvər müret mürit mürsəl müsemma müslum müslüm müveddet müzekker müzəffər müğber
müşkünaz müşüre mýr mýra mýrkjartan mýrún māra māris mārtiņš mārīte mădălin mădălina mălina
mărioara măriuca mədinə məhru məhəmməd məhərrəm məlahət məleykə məmməd mənsur mənsurə məryəm
mərziyyə məsmə mətanət na naadir naail naajy naasih naasir naathim naazhim nabeeh nabeel nabhan
nabigh nabih nabil nabila nacer nachiket nachiyan nachko nacho nacio nada nadeem nades nadeschda
nadeshda nadezhda nadežda nadhir nadia nadim nadin nadine nadir naditsa nadiya nadja nadka nadr
nadège nadía naděžda nae naeem nael nafasat nafees nafesa nafii nafile nafis nafisat naftali nafula
naglis nahashon nahiara nahidə nahla nahuel naiara naib naibə naide nail nailə naim naima naimh
naina nair naja najair najam najee najeeb najib najuma najwa nake naki nakia nakif nakip nakisha
nakita nako naksh nakul nalar naliaka nallely nalân nam namiq namon nan nanami nancho nanci nancie
nancy nand nandini nando nanette nani nanie nanjala nanko nanna nannette nanni nannie nanný nano
nansimir nansý nanyu nanə naoimh naoise naoki naoko naom naoma naomh naomi naomy naomí naoto
napoleon napoleone naradi narcis narcisa narciso narcisse narcissus nardi narfi narhanim narimane
narji narkis nartsislav narıngül nas nasab naser nash nashipie nasiba nasim nasir nasiru nasko
nasra nasrullah nassim nastimir nastiya nastja nastradin nasuf nat natacha natalee natali natalia
natalie natalija natalio nataliya natalja nataly natalya natalía natan natanael natanail nataniel
nataníel natasa natascha natasha natasja natasza nataša natașa nate natella nath nathalia nathalie
nathaly nathan nathanael nathanaël nathanial nathaniel nathari nathasha nathen natiq natividad
natko natosha natsko natso nattawun natália natálie natālija natəvan naud naum nautica naveen
navodnenka nawal nayara nayaret nayareth naycho nayda nayeli nayely nayfa nayibe nayil nayo naz
nazar nazaret nazario nazende nazi nazilə nazim nazimet nazimə nazir nazlihan nazlim nazlı nazmi
nazıdil naël naïm naómí nağı ndegwa nderitu ndirangu nduku ndumiso ndunge ndungu nduta nea neal
nealie nealy neasa nebih nebiha nebojsa necati necdat nechifor necilal necmettin necva ned nedas
nedda nedelcho nedelin nedelyana nedislav nedjma nedko nedo nedra nedyalko nedyu needham neel
neelima neely neema nefaret nefiye neftalí negoslav negrita neha nehemiah nehip neider neil neill
neisti neja nejc nejdet nekesa nel nela nelah nelcho nelcy nelda nele nelia nelida nelie nelima
nelio nelko nell nella nelle nelli nellie nello nelly nellý nels nelson nelsy nelu nelya nemanja
nena nenad nencho nene nenko nenna nenni nensislav neo neokli neola neolina neoma neppie neptúnus
neptün nerea nereida neres neriban nerijus nerim neringa nermin nery nesfe neshka nesip neslinur
neslisah nesrine nessa nestor neta nete netra netta nettie neva nevada nevaeh neval neveah neven
nevena nevenka nevenko nevgin neviliyan neville nevin nevio nevise nevsal nevsale nevyan newell
newman newt newton neycho neyka neyko neyran nezengül nezihi nezize neşrin neža ngaire ngamia
nganga ngari ngeni ngigi ngozi ngugi nguyen ngọc nhiên nhlanhla nhật nia nial niall niamh niara
nibaldo nicanor nicat niccolò nichakarn nichelle nichifor nichol nichola nicholas nicholaus nichole
nicholus nick nicki nicklas nicklaus nickolas nickson nicky niclas nico nicoară nicodemo nicodemus
nicodim nicol nicola nicolae nicolai nicolaie nicolaj nicolas nicolasa nicolaus nicole nicoleta
nicoletta nicolette nicoline nicolle nicolás nicolò nicu niculina niculiță nicușor nicuță nidhi
nidia nidra niek niels nienke nieves nifont nigar nigel nigesa nigrita nihad nihai nihal nihan
niharika niilo niina nik nika nikandr nikanor nikau nikhil niki nikia nikifor nikita nikki nikko
niklas niklaus niko nikodem nikodim nikoela nikol nikola nikolai nikolaj nikolajs nikolaos nikolas
nikolaus nikolay nikole nikolett nikoletta nikolina nikon nikora niks nikulás nikíta nikólína nikša
nil nila nilam nilcan nilda nile niles nili nilima nilo nils nilson nilufar nim nimakoah nimrat
nina ninel ninetta ning ninioluwa ninja ninna ninnie nino ninoska ninthe nionila nira niracha
nirgül nirja nisa nisha nisə nita nitara nitesh nives nixon niyaga niyaz niyazi niyilolawa niðbjörg
niğmet njabulo njagi njenga njeri njeru njiru njogu njoki njoroge njozi njue njuguna njála njáll
njóla njörður nkazimulo nkechi nkiruka nnamdi nneka noa noah noam nobantu nobie noble nobuhle noe
noel noelani noeleen noelia noeline noelle noemi noemie noemí nohely nohora noirin nojus nokulunga
nola nolan nolberto noleen nolen nolia nolie nollaig noma nomagugu nomalanga noman nomasonto
nomathalente nomathemba nomcebo nomsa nomthandazo nomusa nomvula nona nonhlanhla nonie nonjabulo
nonna nonni nonso noor noora noortje noppakao nora norah norbert norberto norbey nore noreen norene
noreta noretta norica norina norine norita norka norma norman normand normann normunds norris
norton norval norwood norðmann notburga nothando noud nour nout nova novella novi novruz noxolo
nozibusiso nozima nozizwe noé noémi noémie noël noëlla noëlle noëmi nqobizitha nrima ntimi nuala
nubia nugraha nuhu nula nuno nunzio nura nural nuran nuranə nuray nurbanu nurcan nurda nurdeniz
nureta nuretdin nurettin nurey nurgil nurhayet nuri nuria nuriat nuriya nuriyet nurkan nurlan
nurlana nurmelek nurmuhammad nurseda nurser nursim nurtaç nurten nuru nurul nurulla nurullah
nurveren nury nurşan nurşən nurşərəf nutcha nutkrita nutwadee nuyan nuşirəvan nuša nwabudike nya
nyaboke nyaga nyah nyakundi nyamai nyambura nyana nyanchama nyasi nyasia nyawira nydia nyla nylah
nynke nyoka nyoman nyongesa nyoni nyota nyree nyuki nzioka nzomo nádia nándor náttmörður náttsól
náttúlfur nélida néstor níels níls nína níní nóa nóam nóel nói nóni nóra nóri nótt nóvember nökkvi
növrəstə númi núria nübar nüdret nürice nürəddin nüsrət nüşabə nýbjörg nývarð nəcəf nəfisə nərgiz
nəriman nərmin nərminə nəsib nəsimi nəzakət nəzrin oakley oana oba obaid obanijesu obdulia obe obed
obianuju obie obinna obirdar obretim ocampo ochieng ocie octa octav octave octavia octavian
octaviana octavie octavio octaviu octavius océane oda odalis odalys odarka odd odda oddbergur
oddbjörg oddbjörn oddfreyja oddfreyr oddfríður oddgeir oddgerður oddhildur oddi oddie oddkell
oddlaug oddleif oddleifur oddmar oddný oddrún oddsteinn oddur oddvar oddveig oddvör oddþór odelia
odeline odell odessa odette odhiambo odhran odie odika odile odin odina odis odkanlı odongo oduor
odus oeshi ofelia ofeliya offie oganer ogden ogechi ogin ognemir ognen ognena ogooluwa oguş oisin
oisín oiva ojas ojasvi okanay okbay oke okean okechukwu okello okey okgüçlü okhanes okhrim okoth
oksana okseniya okseven okta oktaviya oktavía oktavíus okto oktyabrina októ októvía októvíus
oktüremiş okumu okyalaz ola oladare oladimeji olaf olajumoke olakunle olalla olan oland olanrewaju
olansile olar olasunmbo olav olavi olca oldağ oldrich oldřich ole oleg olegario olek oleksa
oleksandr oleksii olen olena olene oles oleta olevia oley olfert olga olgeir olgierd olha olie
olimpi olimpia olimpiada olimpian olimpiu olimpiy olin olinda oline oliva olive oliver olivera
olivert olivia olivie olivier olivija olivine oliviu olivér oliwer oliwier olle olli ollie ollý
olof ololade oloo olov olu oluchi olufunke olufunmilayo olumorotimi oluoch oluwafemi oluwagbemiga
oluwakemi oluwamumibori oluwamuyiwa oluwasanmi oluwasegun oluwaseun oluwole oluş olwen olwethu
olympia olívia om oma omaca omair omaira omaja oman omana omar omari omarion omeir omelyan omer
omie omina omisha omkaar omobobola omobolanle omodunni omolabake omolara omondi omosalewa omotara
omotayo omotola omotoun omowumi omran omurtag omya ona onat oncho ondieki ondrej ondřej oneal
oneida onesmus oneta oney ongay oni onie onik onisim onkar onni onnie onofre onufri onufriy onuker
onur onurcan onursu onveer onyango onyinye oona oonagh opal opan opanas opha ophelia ophélie opiyo
opung opwonya oqtay ora orah oral oralia oran orange oranlı orazio orduxan orelia oren orene oreofe
orest orestas oreste orfelina orfeus orfey orfhlaith orgün orhan oriana orie orilla orin orina
orinder orion oris orisya orka orkhidey orkhideya orkhip orla orlagh orlaigh orlaith orland orlando
orleana orlena orley orlin orlo orma ormar ormheiður ormhildur ormur orna ornella orpha orra orren
orri orrie orrin orris orsolya orson ortak ortansa ortodoksi ortrud ortrun ortse ortwin oruç orval
orvar orvel orvil orville orvin orvis orvokki orxan orçin osa osama osamu osbaldo osborn osborne
oscar osha osie osip osiyo oskar oskari oskars oskár osman osmo osogo ossama ossi ossian ossie
ostap ostromir osunleke osvald osvaldo osvalds oswald oswaldo oswin ota otabek otakar otay otelia
otfried otha othel othmar otho otieno otilia otis otkatla otkell otmar oto otri ott otta ottavio
ottfried otti ottie ottilia ottilie ottis ottmar otto ottokar ottomar ottone ottó otur otávio
otília otýlie otīlija ouanes ouida ouma oussama outi ova ovanes ove ovid ovidio ovidiu ovila oviya
owais owe owen owens owethu owino owuor oxana oyenike oyindasola oymak oysha ozana ozansü ozell
ozella ozie ozioma ozy ozzie oğulbaş oğurata oğuzman oļģerts oľga paavo pabla pablo paca pacho
pachongruk paco pacífica pada padma padmi padraic padraig padraigh padraigin pahal pai-han pai-hung
pai-jui pai-lin pai-yen pai-yu paige paiman pairlee paisiy paisley paityn pak paker pakhom pakizə
pakjira pako paksu palesa pallavi palle pallie palma palmer palmi palmira palmiro paloma palomina
palvira pam pamala pambe pamela pamelia pamella pamfil panagachie panait panas panay panayot panca
pancho panda pande pandelis pandora pandu pane panfil panfilo pangeran pangestu panini panji
pankrat pankratiy pankrtiyyan pankrác pannawich pano pansy pantaley panteley panteleymon pantera
panto pantyu panya pao-chu paola paoletta paolina paolo parakhod paralee paramita paramon
paraschiva parashkev parashkevan parashkevitsa paraskev pardi parfen paride parin paris park parker
parlee parley parman parmen parmes parrish parsa parth parthenia parunka parush parvez parís pascal
pascale pascaline paschal pascual pascuala pasi paskalia pasko paspanakhil pasqual pasquale pastora
pat patchaploy patcharaporn pate patience pato patrek patrekur patric patrica patrice patricia
patricie patricija patricio patrick patrik patriotka patrisía patrizia patrizio patryk patrícia
patsa patso patsy pattamon pattapon pattatomporn patti pattie patty pau paul paul-gerhard
paul-heinz paula paule pauletta paulette pauli paulica paulien pauliina paulin paulina pauline
paulino paulius paulo pauls paulína paulīna paun pauric pavani pavao pavel pavelin paviliya pavko
pavla pavle pavlik pavlin pavlina pavlincho pavlo pavlomir pavlína pavol paw pawan pawel paweł
paxton paye payten payton paz paşa peadar peader pearce pearl pearla pearle pearlene pearley
pearlie pearline pearly pearse peder pedro pedró peem peer peeter peg peggie peggy pehlil pei
pei-shan pekka pekkan peko pelageya pelaji pelay pelayo pele pelina pelle pellegrino pembesin
penchin pencho penelope peng penina peninah penko penni pennie penny peno pentti penyu peo pepe
pepelota pepijn pepino pepislav pepita pepito pepo pepper per-erik per-olof percho percival percy
peren periana perikl perinur peris perkasa perla perley perlita permelia permun pernell pernilla
pernille pero perri perrine perry pershing persiana persiyan pertti peruna pervaiz pesent peshka
peta petar pete peter peter-michael peterson petikongres petinka petkan petko peto petr petra
petraki petrana petras petre petrea petri petrică petrina petrinel petriyka petrișor petro petromil
petromira petrona petronela petronella petronila petros petrozar petru petrus petrushka petruț
petruța petrína petrónella petrós petrún petrúnella petter petteri peychin peycho peyko peyo
peyodon peyolina peytan peyton phanice phebe phelim phelix phenphitcha pheobe phil phileine
philemon philip philipp philippa philippe philippine philis phillip phillis philo philomena
philomene phineas phoebe phoenix phubes phylicia phylis phyliss phyllis phúc phương pi-chu pi-hsia
pi-yun pia piaras piedad pien pier pierangelo pierce pierette piergiorgio piergiuseppe pierina
pierluigi piermaria piero pierpaolo pierre pierre-yves pierrette piersanti piet pieter pieter-jan
pietra pietro piia pijus pilar pili pilip pim pimen pin-jui pin-yen pin-yu pina ping pink pinkey
pinkie pinkney pintusorn piotr piper pippa pirahmet piran piret pirjo pirkko pirmin piroska pitipat
pius pjetur plamena platon pleas pleasant ples pleun pleșu plinio plodovitka pluma plummer plácido
po-wen pol polad poleksina polikarp polin polina polk pollie polly pollý polona polonca pompeo
pompilia pompiliu pomponio poncio pontus pooja popobawa poppy porfirio porfiriy pornchanok porsche
porsha porter portia posey potap poul povilas powell praba prabawa prabowo prabu prakosa prames
pranata pranav pranawa praneel pranit prasetya prasetyo praskovya pratt pratyush pravda pravoslav
prayitna prayoga prayogo preben precious predrag prentice prentiss presa presley press preston
pricilla priit prima primitiva primitivo primus prina prince princess prisca priscah priscila
priscilla priscillah prisha priska priya profira prokhir prokhor prokl prokofiy prokop proletina
prosper prostisveta prov prudence prudencia prudencio prudie prvoletka pryor przemysław pría príor
puccio puck puji puk pumbaa puntira pupi puput purificación purity purl purwa purwadi purwanto
pushti puspa puti putri putu pádraig pál pála páldís páley pálfríður pálhanna pálheiður pálhildur
páll pálmar pálmey pálmfríður pálmi pálrún pálín pálína pánfilo päivi päivikki pär pål pénélope
péter pétrína pétrún pétur pía pío pünhan pürçek pătru pēteris přemysl pəri pərişan pərvanə pərvin
pərvinə pərviz qaadir qaasim qabeel qabil qadar qadeer qadi qadim qadir qahtan qaim qais qalib
qamar qani qanit qaratel qareeb qarin qaseem qasid qasif qasim qasım qatadah qawee qay-yoom qays qi
qian qiana qiang qing qiyas qori qoşqar quadir quang qudamah quddoos qudoos queen queenie quentin
quiana quincy quinn quint quinten quinter quintin quinton quinty quique quirino qulam qulu qumru
qurban qusay qushi qutaybah qutb qutub qönçə qüdrət qızbəs qədir qələndər qənirə qəzənfər qəşəm
raaghib raagini raahil raakin raamis raamiz raashid raatib rabah rabar rabb rabbaanee rabbani
rabbiye rabea rabecca rabee rabi rabiah rabih rabit racha rachael rachana racheal rachel rachelle
rachid rachida rachit rachita rachko racho rachèle racquel rada radek radeke raden radha radhee
radhika radi radia radika radim radimira radislav radit raditya radka radmila rado radomír radoslav
radoslava radostka radosveta radosław radovan radovana radu radvilė radúz rae raed raees raegan
raekwon rael raelyn raelynn raewyn raf rafa rafael rafaela rafaella rafail rafan rafay rafaél
rafaël rafał rafe rafee rafeek rafeeq raffael raffaela raffaele raffaella raffaellino raffaello
rafi rafia rafid rafih rafila rafiq rafn rafnar rafney rafnhildur rafnkell raghav ragheb raghib
ragna ragnar ragnbjörg ragner ragney ragnfríður ragnheiður ragnhild ragnhildur ragúel rahab raharja
rahat rahayu raheel raheem rahel rahiye rahma rahman rahmat rahmet rahmi rahn rahsaan rahul raid
raiden raifə raihan raija raik raili raimo raimondo raimonds raimund raimundo raina rainer rainka
raisa raissa raivis raivo raj rajab rajata rajesh rajeshri rajko rakeem rakel rakide raksha raleigh
ralf ralf-dieter ralf-peter ralph raluca rama ramadan ramadhan ramazan ramid ramil ramilə ramina
raminta ramiro ramiz ramon ramona ramsey ramunė ramzi ramón ramóna ramūnas rana ranbir rance rancho
rand randal randall randalín randel randell randi randle randolf randolph randver randy randyu
randíður randý rangel rangga rani rania ranieri ranka rannva rannveig rannver ransom ranveer raoul
raphael raphaela raphaël raphaëlle raquan raquel rareș ras rasa rasate rashaad rashaan rashad
rashawn rasheed rashid rashida rashidi rashko rasho rasim rasimə rasma rasmus rastislav rasul
ratchanon ratibor ratih ratmir ratna raul rauno raven ravi ravy rawiri ray rayaan rayan rayana
rayburn rayfield rayford rayhona rayla raymon raymond raymonde raymund raymundo rayna raynard rayne
raynichka rayshawn rayu rayyona rayén razi raziyə razı raúl rcho reagan rean reanna reatha reba
rebeca rebecca rebecka rebeka rebekah rebekka rebihat recep recepali reda redden redmond reece reed
reese reet refet refik refugio refur regan regena regenia reggie regina reginal reginald
reginbaldur reginbjörg regine reginn regis regitse regitze regula regína regīna rehaan rehema
rehime rei reid reidar reidun reifnir reijo reilly reimar reimer reimund rein reina reinald
reinaldo reinar reine reinel reiner reingard reinhard reinhardt reinhart reinhild reinhilde
reinhold reinis reino rejane reksa rella relu rem remazan rembrandt remedios remi remigio remington
remo remus remy remzi ren rena renaat renada renae renaldo renan renard renata renate renato renaud
rendy rene renea renee rengiya rengül reni renita rennie reno rens renske renzo renáta rené renée
reshoni resi respati ressie restu resulcan reta retha reto retta rettie reuben reubin reva revka
revza rex rexford rexhep rey reyansh reyes reyhan reyhanə reyn reyna reynald reynaldo reynar
reyndís reynheiður reynhildur reynir reynold reynolds reyr reza rezin rezzak rhavi rhea rheta rhett
rhian rhianna rhianne rhiannon rhoda rhona rhonda rhys ria riad rian riana rianna rica ricarda
ricardo riccardo ricci ricciotti rice rich richard richardt richelle richerd richie richmond
richárd rick rickard rickey ricki rickie ricky rico rida ridge ridhi ridwan rigmor rigo rigoberto
rihanna rihards riikka riina riitta rik rika rikard rikharð rikharður rikka rikke rikki riko riku
riley rilla rillie rim rimantė rimma rina rinaldo rinda rini rino rinor ripley ris risa risalet
risasi rishi risper risto ristya rita ritchie ritt ritva river riya riyad riza riziki rizki rizvan
ričardas ričards rnest roan roar rob robb robbe robbie robbin robby robert roberta robertas
robertina roberto roberts robin robinson robiya robley robrt robt roby robyn rocco rochdi rochelle
rochus rocio rocky rocío rod rodah rodan roddy roderic roderich roderick rodger rodgers rodica
rodion rodney rodolfo rodolphe rodrick rodrigo rodrigue roe roel roeland roena rogelina rogelio
rogena roger rogers rohaan rohan rohat roise roisin rojnu rojus rok rokas roko roksan roksana
roksolana roland rolanda rolandas rolande rolando rolands roldán rolf rolf-dieter rolf-peter roll
rolla rolland rollande rollie rollin rollo roma romain romaine roman romana romane romanița romano
rome romel romelina romello romen romeo romie romil romina romoleta romolo romona romuald romualdas
romul romulus romy román roméo ron rona ronal ronald ronaldo ronan ronda rondal rong roni ronin
ronith ronja ronke ronna ronni ronnie ronny rono rony ronya roope roos roosa roosevelt roque rory
rorí rosa rosa-maria rosabelle rosalba rosalee rosaleen rosalia rosalie rosalina rosalind rosalinda
rosalinde rosaline rosalva rosalyn rosalía rosamel rosamond rosann rosanna rosanne rosaria rosarie
rosario rosaura rosco roscoe rose rose-marie roseann roseanna roseanne rosel roselina roselinde
roseline rosella roselyn roselyne rosemarie rosemary rosen rosena rosenda rosendo rosenka rosetta
rosette rosevelt rosey rosi rosia rosie rosimir rosina rosislava rosita roska rosko rosl roslyn
rosman rosmarie ross rossa rossana rossie rostiana rostimir rostislav rostislava roswell roswita
roswitha rosy rotich rotraud rotraut rouven rowan rowena rowland roxana roxane roxann roxanna
roxanne roxelana roxie roxy roy royal royce royo roza rozalia rozalija rozalin rozaliya rozana
rozanne rozella rozeta rozin roziya rozka rozotsvet rozália rua ruairi ruari rubani rube ruben rubi
rubie rubiela rubin ruby rubye rubén rudecindo rudi rudolf rudolfo rudolph rudra rudy rudīte rueben
ruedi ruel ruffin ruffus rufina rufino rufus ruggero ruggiero rugilė ruhide ruhiu ruhiyyə ruhsat
ruhshona ruhugül ruhəngiz rui ruie ruin rukia rumaysa rumeysa rumislava rune rungo runi runný
runólfur rupert ruperta ruperto ruqayya ruqiya ruqiyyə rusaliya rush rushil ruska ruslan rusman
rusnė russ russel russell rustin rusty rusul rut ruta rute ruth rutha ruthann ruthanne ruthe
rutherford ruthie ruthild ruwaihim ruxanda ruxandra ruxsarə ruy ruzhka ruzica ruža ružena ružica
ryan ryann ryder ryker rylan ryland rylee ryleigh ryley rylie rym ryma ryne ryohei ryosuke ryszard
rytis rytė ryurik rza rán ráðgeir ráðhildur ráðvarður réginald régine régis régulo réka rémi rémy
ríkarður ríkey ríkharð ríkharður rín ríta ríó róbert róberta róbjörg róisín rólant róman rómeó
rómulo rós rósa rósalind rósanna rósant rósar rósberg rósbjörg rósborg róselía rósenberg rósey
rósfríður róshildur rósi rósinberg rósinkar rósinkara rósinkrans rósinkransa róska róslaug róslind
róslinda róslín rósmann rósmary rósmarý rósmunda rósmundur rósný róza rózsa róża röfn rögn rögnvald
rögnvaldur rögnvar rökkvi röskva rövşanə rövşən röya röyal röyalə röðull rúbar rúben rúbý rúdólf
rún rúna rúnar rúndís rúnhildur rúrik rúrí rútur rübabə rübeyda rüdiger rüfət rüknettin rümeysa
rüşen răducu răzvan rıfkıye rūdolfs rūta růžena rəfiqə rəhilə rəis rəmziyyə rəna rəqsanə rəsmiyyə
rəsul rəxşəndə rəşad rəşid saabir saad saadat saadiq saafir saahir saaiq saajid saal saalih saalim
saanvi saaqib saar saara saariyah saba sabah sabahat saban sabar sabari sabas sabastian sabatino
sabbir sabeeh sabih sabihe sabil sabin sabina sabine sabiq sabir sabirə sable saboor sabra sabri
sabrina sabrína sabur saburah sabína sabır sacha sachi sacidə sad sada sadaka sadan sadao sadaqat
sadat saddam sade sadeed sadeti sadia sadie sadik sadiki sadina sadiq sadittin sadiye sadye sadıq
safari safet safia safina safinaz safiri safiya safta safura safír saga sage sahibə sahil sahin
sahir sahra sai said saida saidi saiful saige saim saint sair sairah saire saka sakari sakarías
sakhoriya sakina sakip saksham sakti sakura sal salah salami salbjörg saldís saleh salena salgerður
salih salim salima salimah salimet salina salka salkın sallie sally salma salman salmann salmar
salný salohiddin salome salomea salomey salomon salomé salomón salsabila salud salurbay salvador
salvar salvatore salvi salvör salwa salín salína salóme salómon sam samahat samaksh samama samandar
samanta samantha samar samara samarth samatha samesh sami samiah samie samina samir samira samirə
samiya samiyah sammie sammy samo sampson samson samsul samu samual samuel samuele samuil samuli
samurtay samuël samwel samweli samy samúel sanaa sanai sanavber sanaya sancak sancho sanda sandalio
sandel sander sanders sandi sandie sandile sandis sandor sandra sandri sandrine sandro sandu sandur
sandy sanela sanford sani sanije sanita saniya saniyah sanja sanjar sanjay sanjuana sanjuanita
sanka sanna sanne sanni sannie santa santana sante santeri santiago santina santino santo santos
santía sanur sanya sançar saoirse saood sapa saphira sara sarabi sarafina sarah sarah-jane
sarah-louise sarahi sarai saraya sardor sargın sari sariah sarina sarita sarmīte sarpkın sarrah
sarthak sarunporn sarvan sarvar sarvinoz sarya sarína sarıcabay sasa sascha sasha sasho saskia
sathvik satomi satrettin satu saturnina saturnino satya satıa saul saulius saumu saumya saundra
sauti sava savak savana savanah savanna savannah saveliy saverio saveta savilla savina savion savni
savon savva savvatiy sawyer saxi sayalı saydam saygın sayin sayrak sayuri sayın saçı saïd saúl
sağcan sağıt saša sašo scarlet scarleth scarlett scarlette schley schuyler scot scott scottie
scotty seaborn seamus sean sean-paul seana seanan seaneen seanna sebakhtin sebastiaan sebastian
sebastiano sebastien sebastijan sebastián sebastião sebastjan sebastían sebattin sebigül seblâ
sebrina seda sedat sedef sedefcho sedife sedrick sefanía sefer segilola segismundo segundo seha
sehel seif seifur seija seimur sejda selah selaheddin selatin selcan selcen seldon selen selena
selene seler selim selime selin selina seline selivan seliverst selja selka selma selmer selmin
selvi selâtin selçuk sem semaj semat semen semenarka semender semenica semine semir semra semrin
sena senad senan sencar seneca seniha senko senn senna senne senol senora senta senía seo seo-jun
seo-yeon seojun seona seosamh seoyeon sep sepp seppe seppo septi septíma sera seracettin serafim
serafina serafín serah seraina serda sereina serena serenity serezli serfinaz serge sergei sergej
sergelinka sergey sergio sergiu sergius sergiy serhatmehmet serhii serina serine serkan serma
sernur serol serpil server servinaz servác sesar seselía sesil sesilía seslav sessa sesselja
sesselía sessilía seth setya seun seung sevan sevar sevara sevastin sevastyan sevcan sevda sevdalin
sevdan sevdelina sevdi sevdinar seve sevelin sever severiano severin severina severine severino
severo severt severín seveta sevgen sevginur sevican sevil sevim sevinc sevinch sevindik sevla
sevsevil seward seydo seye seyfulla seyfullah seyfəddin seyhan seyithan seymour seymur seyran
seyyide sezal sezen sezginbaş seán seçgül seçme shaban shad shade shadrack shae shafter shahina
shahnoza shahriyor shahzod shahzoda shaina shakila shakira shalon shalonda shamar shameka shamika
shamsuddeen shan shana shanae shanda shandra shane shaneka shanell shanelle shanequa shani shania
shanice shaniece shanika shaniqua shanita shaniya shanko shanna shannan shannen shannon shanon
shanou shanta shante shantel shantell shaquan shaquana shaquille shaquita shara shardae sharday
sharde sharee sharen shari sharif sharita sharla sharleen sharlene sharman sharo sharon sharonda
sharron sharyl sharyn shasta shatara shaun shauna shauneen shaunna shaurya shavon shavonne shawana
shawanda shawn shawna shawnda shawnee shawnna shawnte shay shayla shaylee shayna shayne shchedra
shchedrin shchedyu shchefaniya shcheki shcheno shchenyu shcheriana shcherion shcheriyan shcherko
shchero shcheryu shchiliyan shchilyan shchilyanka shchiryan shchono shchrban shchrkan shchtilka
shchtrban shchtrkan shchurk shea sheamus shedrick sheela sheelagh sheena shehu sheila sheilah
sheilla sheillah shekherezada sheki shekoni shelba shelbi shelbie shelby sheldon shelia shelley
shelli shellie shelly shelton shelva shelvia shelvie shem shemar shena sheng sheng-hsiung shenko
shenna shenol shep shepherd sheree sheri sheridan sherie sherilyn sherita sherlyn sherman sheron
sherree sherri sherrie sherrill sherron sherry sherryl sherwin sherwood sheryl sheryll sheyla
sheyna shi shianne shibil shida shider shiela shih-chang shih-han shih-ming shiloh shinead shinka
shinko shino shipchan shira shirko shirl shirlee shirleen shirlene shirley shirleyann shirlie
shishman shivani shivansh shkodri shmilo shmulyu shohei shohjahon shohrux shoji shon shona shonda
shonna shota shpilko shpresa shqipe shravya shreya shu shu-chen shu-ching shu-chuan shu-fang
shu-fen shu-hua shu-hui shu-ling shu-mei shu-min shukrona shusho shyann shyanne shyheim shyla sian
sibbie sibel sibila sibilla sibille sibonelo sibongile sibusisiwe sibusiso sibyl sibylla sibylle
sid sidar siddharth siddie sider sidiq sidiqə sidki sidney sidonia sidoniya sidor sidónia sie siebe
siegbert siegfried sieghard sieglinde siegmar siegmund siegrid siegried siegrun siegward siem sien
siena sienna sierra sif sifa sifonya sifuna sigbergur sigbert sigbjartur sigbjörn sigdís sigdór
sigdóra sigfastur sigfinnur sigfreður sigfrid sigfrido sigfried sigfríð sigfríður sigfús sigga
sigge siggeir siggerður sighvatur sigismund sigita sigizmund sigjón siglaugur siglinde sigmann
sigmar sigmund sigmunda sigmundur signa signar signe signhildur signý sigri sigrid sigrun sigríkur
sigríður sigrún sigsteinn sigtryggur sigtýr sigur sigurbaldur sigurberg sigurbergur sigurbirna
sigurbjarni sigurbjartur sigurbjörg sigurbjörn sigurbjört sigurborg sigurbrandur sigurbára sigurd
sigurdríf sigurdrífa sigurdís sigurdór sigurdóra sigurey sigurfinna sigurfinnur sigurfljóð
sigurgeir sigurgeira sigurgestur sigurgrímur sigurgísli sigurhanna sigurhans sigurhelga sigurhildur
sigurhjörtur sigurjón sigurjóna sigurkarl sigurlaug sigurlaugur sigurleif sigurleifur sigurlilja
sigurlinn sigurlinni sigurliði sigurlás sigurlín sigurlína sigurmann sigurmar sigurmon sigurmunda
sigurmundur sigurnanna sigurnýas sigurnýjas siguroddur sigurpáll sigurrós sigursteina sigursteinn
sigursveinn sigurunn sigurvaldi sigurveig sigurvin sigurvina sigurást sigurásta sigurða sigurður
siguróli sigurósk sigurþór sigurþóra sigvaldi sigvard sigvarður sigyn sigþrúður sigþór sigþóra
sihawukele siim siiri sijuade siku sil sila silagi silan silantiy silanur silas sile silfa silfrún
silfá silja silje silka silke silla sille silli silondile silva silvan silvana silvano silver
silvester silvestr silvestre silvestro silvi silvia silvian silviana silvie silvija silvio silviu
silviyan silvo silvía silyan silyana sim sima simas simber simen simeon simi similoluwa simina
simion simisola simiyu simmie simo simon simona simonas simone simonetta simonne simphiwe
simphiweyinkosi simpson simten simuzər simão simón sina sinaida sinan sincere sinda sindre sindri
sindy sine sinead sini sinică sinikka sinisa siniša sinklitikiya sintija sintiya siobain sioban
siobhain siobhan siobhán siofra sione siper siphesihle sipho sirac sirap sirje sirkka sirman siro
sirpa sirra sirrý siska sisko sisoya sissel sitarə sithembiso siti sitiwat sittik sittikorn siv
sivert sivi sixten sixto siya siyabonga sjafnar sjoerd sjöfn skafti skaidrīte skakalka skapti
skarpheiður skarphéðinn skefill skeggi skender skip skjöldur skolastika skorbut skorri skugga
skuggi skuld sky skye skyla skylar skyler skær skæringur skírnir skíði skúla skúli skúlína skúta
slade sladjana sladoledka slamet slav slavdo slave slaven slaveya slaveyko slavi slavica slavil
slavisa slavka slavko slavomír slavomíra slavěna slawomir sloane slobodan sláva slávka smaranda
smekhoterapiya smiltė smirna smith smiður smyrill smári sneha sneider snezana snezhana snezhinka
snizhana snježana snjáfríður snjáka snjófríður snjóki snjólaug snjólaugur snjólfur snorra snorri
snæbjartur snæbjörg snæbjörn snæbjört snæborg snæbrá snædís snæfríður snæhólm snælaug snælaugur
snær snæringur snærós snærún snævar snævarr snæþór snót socorro soffanías soffía sofi sofia sofiane
sofie sofija sofiya sofiyka sofon sofron sofía sokrat sol solange sole soledad soleh soliha soline
solma solmaz soloman solomiya solomon solon solveig solvej solvita solène somadina somer sommer
somtochukwu sona sonad sonata sondra sondre songurkan songül sonia sonja sonji sonnur sonny sonný
sonya soo sophanías sophia sophie sophie-louise sophie-marie sophronia sophus sophy sora soraia
sorana sorawut soraya sorcha soren sorin sorina sosimo sotaro souad soufiane souma soumia sowande
soydaner soykan soykut soyselçuk soňa spartak spartakus spas spasena spasiyana spencer spenser
speranța sphiwe spirela spiridon sporði spurgeon spói squire srečko srmenka ssu-yu stacey staci
stacia stacie stacy staffan stafford stamatka stan stana stanca stancu stanford staniela stanimir
stanimirka stanislaus stanislav stanislava stanislaw stanisław stanka stanko stanley stanton stapi
starkaður starla starling starr starri stasha stasia stavisara stavros staņislavs steen stef
stefaan stefan stefana stefani stefania stefanie stefanija stefano stefanía steffen steffi stefnir
stefán stefánný stein steina steinar steinarr steinberg steinbergur steinbjörg steinbjörn steinborg
steindís steindór steindóra steiney steinfinnur steinfríður steingerður steingrímur steinhildur
steini steinkell steinlaug steinmann steinmar steinmóður steinn steinrós steinröður steinrún
steinunn steinvarður steinvör steinólfur steinþór steinþóra stela stelian steliana stelina stella
stellah stellan steluța sten stepan stephaine stephan stephane stephani stephania stephanie
stephany stephen stephene stephenie stephon sterling sterre stetson stevan steve steven stevie
steward stewart steyana stian stien stig stijn stilla stina stine stirnir stiven stjarna stjepan
stoimena stojan stoletka stone stonewall stoney storm stormur stormy stoyan stoyanka stu stuart
sture sturla sturlaugur sturri styr styrbjörn styrgerður styrkár styrmir styrr stéphan stéphane
stéphanie stígheiður stígrún stígur stína stórólfur su-chen su-chin su-ching su-chu su-lan suat
subomi subutiye suci sudi sudie sudiksha sue suellen suhani sula suleiman sulhi sullivan sultane
sumarliði sumarlína sumarrós sumayya sumner sunay sune sunel sung sungara sungmin sunil sunna
sunnefa sunneva sunniva sunny sunníva sunshine supasit supasita suphi surya susam susan susana
susanita susann susanna susannah susanne suse susi susie sussanne sussie suus suvakit suvi suwijuk
suzan suzana suzann suzanna suzanne suze suzette suzi suzie suzy suğra svafa svafar svala svali
svalrún svan svana svanberg svanbergur svanbjörg svanbjörn svanbjört svanborg svandís svaney
svanfríður svangeir svanheiður svanhildur svanhvít svanhólm svani svanlaug svanlaugur svanmundur
svanrós svante svanur svanþrúður svanþór svatopluk svatoslav svava svavar svea svein sveina sveinar
sveinberg sveinbjartur sveinbjörg sveinbjörn sveinborg sveindís sveiney sveinfríður sveingerður
sveinhildur sveinjón sveinlaug sveinlaugur sveinmar sveinn sveinrós sveinrún sveinsína sveinungi
sveinveig sveinþór sven sven-erik sven-olof svend svenja svenning sverre sverrir svestina svetla
svetlana svetlomir svetlomira svetlyu svetoslav svetozar svetozár svezha svidna svitlana svobodka
svyatopolk svyatoslav svyatoslava sváfnir svätopluk svölnir svörfuður světlana swala swaleh swantje
swen swetlana syahrini sybil sybilla sybille syble sydell sydnee sydney sydni sydnie syed sylas
sylgja sylivia sylke sylva sylvain sylvaine sylvan sylvana sylvania sylvanus sylvester sylvia
sylviane sylvianne sylvie sylvio sylvère sylvía sylwia symone synnøve syreeta sys szabolcs
szilveszter szilvia szilárd szymon sándor sára sânziana sæberg sæbergur sæbjörg sæbjörn sæbjört
sæborg sædís sæfinna sæfríður sæhildur sæi sælaug sælaugur sæmann sæmunda sæmundur sæný sær særós
særún sæsól sæunn sævald sævaldur sævar sævarr sævin sævör sæþór sébastien sérgio séverin séverine
sía sílvia símon símonía sírnir sírus sísí síta sívar sófus sófónías sókrates sól sóla sólberg
sólbergur sólbjartur sólbjörg sólbjörn sólbjört sólborg sólbrá sólbrún sóldís sóldögg sóley
sólfríður sólgerður sólhildur sólimann sólkatla sóllilja sólmar sólmundur sólný sólon sólrós sólrún
sólveig sólver sólvin sólvör sólín sónata sónia sökmen sölmundur sölva sölvar sölvey sölvi sölvína
sönke sören sörli söyler sözer søren sørine søs súla súsan súsanna sübhan sücaettin sücəddin südabə
süha süheyda sükrü süleyla süleyman sümerya sümeyye süner sürəyya süsen süvari süzer sýrus sıla
sırriye sıylıhan səadət səbinə səbirə səbuhi sədaqət səfurə səfər səhər səidə səlahəddin səlim
səlimə səma səmayə səməd sənan sənubər səriyyə sərvər sərxan sərəncam səxavət ta-tanisha taahaa
taahir taaj taalib taamir taanish taariq tab taban tabassum tabatha tabea tabetha tabish tabita
tabitha taciddin tad tadas tade tadeen tadej tadeja tadeo tadeusz tadeáš tadhg tafazal taft
tagangül tage taha tahaw-wur tahawwur taheem tahir tahj tahmaseb tahmeed tahmid tahoor tahseen tai
taial taichi taimur taina taine taisir taisiya taisto taj taja tajammal tajammul tajudinn tajus
takatifu takeshi takisha takuma tal tala talal talan talat talayer talen talha talhah tali talia
talib talibe taliyah tallie talmadge talmage talon talía talıb tama tamala tamam tamanna tamar
tamara tamatha tamati tamaydın tamaşa tambika tambra tameka tamekia tamela tamera tami tamia tamica
tamie tamika tamiko tamilla tamisha tammi tammie tammy tamra tamu tamya tamás tan tana tanak tanay
tanbay tandoğdu tandri tandy tane taneli tanesha tangaroa tangela tanguy tangül tanhan tania tanika
tanimu tanish tanisha taniya taniyah tanja tanmayi tanner tanpınar tanses tansev tansığ tantri
tanveer tanvi tanya tanyolaç tanyu tanía tanır tao tapani tapio tara tarah taraji tarak tarancı
taras tarfaan tarfur tari tarik tariq tariyel tarja tarmo taro tarsha tartış taru taryn tarzícius
tasdik tasha tashimira tashina tasia tasnim tassilo tasvir taswir tate tatia tatiana tatianna
tatjana tatsuo tatu tatum tatyana tatyanna taufan taufik tauno taurean taurus tautvydas tavares
tavaris tavian tavion tavon tawana tawanda tawanna tawkeel tawny tawnya taya tayaydın taygan tayla
taylak tayler taylor tayo tayshaun tayyibe tayyip taçnur taşar taşkan tea teagan teber tecimer
tecla ted teddie teddy tedi teea teela teemu teena teerth teetat tegan teguh teija teitný teitur
teja tejas tejs tekbay tekecan tekiner tekla teknaz teksoy telefonka telemaco telim tella tellervo
telly telma telman telmo telse temidayo temime temir temira temirhan temistocle temizkal tempie
temuçin tena tenika tenis tenisha tennessee tennie tennille tenvir tenzin teo teobaldo teodor
teodora teodoro teodors teodosi teodosia teodosio teodosiy teodoslav teodostin teofan teofil
teohari teokhar teona tera terance tercan tere terell terence terentiy teresa terese teresia
teresiah teresita teressa teresía tereza terezija terhi teri terina terje terlan tero terra
terrance terrell terrence terri terrie terrill terry terttu tervel teréz terézia tesa tess tessa
tessie tetiana tetyana teun teuta teuvo tevin tevs tex texanna texas texie teybet teymur teymuraz
teymurçin tezcan tezol teófila teófilo thabani thabisa thabisile thabiti thabo thad thaddeus
thaddäus thalente thales thalia thanatcha thandazile thandeka thandiwe thando thao thea theadore
theda thedore thekla thelma themba thembeka thembekile thembile thembisile theo theobald theodis
theodocia theodoor theodor theodora theodore theodoro theodoros theodosia theodór theodóra theola
theophil theophile theres theresa therese theresia therman theron therése theta theódór theódóra
thi thiago thiare thibaud thibault thibaut thibo thierry thies thijmen thijn thijs thilo thinhinane
thom thomas thomasina thompson thomás thor thora thoralf thorben thorberg thore thornton thorsten
thorwald thos thresa thuo thure thurlow thurman thursa thurston thuthukile thyra thành théa théo
théodore théophile thérèse thór thảo tiago tian tiana tianna tiara tiare tiarna tiarnan tiarra tibe
tiberia tiberiu tibo tibor tiburcio ticen tichomír tiegan tiera tiernan tierra ties tiesha tiffani
tiffanie tiffany tigroni tiia tiina tiit tiiu tijana tijl tijmen tijn tijs tikha tikho tikhol
tikhomir tikhon til tilda tilde tilden tilen tiliana till tilla tillie tillman tillmann tilly
tilman tilmann tilo tim timbul timcho timea timm timmie timmothy timmy timo timofey timofiy timon
timotei timotej timoteo timotey timothy timothée timur timurtaş timéo tina tinca tincho tincuța
tindar tindra tindri tindur tine tineke tiney ting tinie tinna tinne tinni tinnie tino tiny tira
tirdad tirsa tirta tirtayasa tirza tisa tisha tishie tishk tisho tit titas titi titilayo titin tito
titus tivadar tiziana tiziano tiğin tjaldur tjaša tjörfi tjörvi toaneta tobe tobi tobias tobiasz
tobie tobin tobiáš toby tobías toccara tod todd todda tode todomirka todor todoraki todorin
todorina todsawun tofiq toivo toker toki tokimir toktuğ tokunbo toköz tola tolbert tolek toliana
tolli tollie tolonbay tolulope toluwanimi tolyu tom toma tomas tomasa tomasz tomaž tome tomeka
tomen tomi tomie tomika tominka tomislav tommaso tommi tommie tommy tomo tomori tomoya tomris toms
tomurcuk tomàs tomás tomáš tomé tona toncho tonda tone toney tonguç toni tonia tonicha tonimir
tonino tonislav tonitsveta tonja tonje tonko tonni tonny tony tonya toomas toon topalko topias
topolko topuz tor tora toralf torben torbjörg torbjörn torbjørn tord tore torey torfey torfheiður
torfhildur torfi torgny torhan tori toriano toribio torie torill torquato torrance torrence torrey
torrie torry torsten tory tosha toshiko toshio toshka toska totko toto totso totyu tova tove tovuz
towanda toy toya toño toğan toğrul trace tracee tracey traci tracie tracy trae traian trajan
trajche trang traude traudel traudl traugott trausti traute travis travon trayvon tre treacy treasa
treasure treena tremaine tremayne trena trendafila trent trenten trenton tresa tressa tressie treva
trever trevin trevion trevon trevor trey treyton treyvon tri tricia trifon trifonka triin trilby
trina trine trini trinidad trinity triona tripp tripti trish trisha trista tristan tristana tristen
tristian tristin triston tristán triveni triya troels trofim trokhim trond trosha trostan troy
trpka trude trudel trudi trudie trudy trufana trula trumaine truman trung tryggva tryggvi tryggvína
trystan tránsito trú trúmann trīne trọng tsaneta tsarevna tsetsa tski tsocho tsola tsonya tsonyu
tsotso tsubasa tsuma tsung-han tsung-hsien tsung-lin tsung-ming tsveta tsvetan tsvetana tsvetanka
tsvetelina tsvetilena tsvetlina tsvetoliliya tsvetyana tuan tuana tucker tudor tudora tudorița
tudosia tuere tufani tufka tugiman tui tuija tukufu tula tule tulia tulio tullio tulun tumas tumi
tunahan tunar tunchanok tunde tunguç tunradee tunçboğa tunçkılıç tuomas tuomo turabi tural turan
turanə turcein ture turgut turid turlough turner turvi turxan tutkucan tutkun tutu tuukka tuula
tuuli tuulia tuulikki tuur tuva tuyuğ tuğcan tuğrulhan tuğtaş tuğçe tverdislav tvorimir twan twila
twyla ty tycho tye tyesha tygo tyla tyler tylor tymon tymoteusz tyquan tyra tyree tyreek tyreese
tyrek tyreke tyrel tyrell tyrese tyrfingur tyrik tyrin tyriq tyrique tyron tyrone tyrus tyshawn
tyson tzu-chen tzu-ching tzu-en tzu-han tzu-hao tzu-hsiang tzu-jui tânia téo tía tíbrá tímea tími
tímon tímoteus tímóteus tína tístran tóbías tóbý tói tóka tóki tómas tór tóta tõnu törel tùng tú
tükelalp tükəzban tülay tülin tümer tümkurt tünde tünzalə türabi türcan türkalp türkan türkanə
türkmen türknur tüzeer tüzenur týr týra tınal təhminə təranə tərlan ubaadah ubadah ubaid ubaidah
ubaldo ubay ubayd ubaydullah ubbi uberlinda uberto ubika ucchal uche uchenna uchita uda udant
udarsh udeera udo udyati ueli uffe ufukay uggi ugla ugnė ugo ugolino uhban ujamaa ujunwa ula
ulakbey uldis ulduz ulf ulfat uli uliana ulises ulla ulla-britt ullrich ulrica ulrich ulrik ulrika
ulrike ultan ulu uludağ uluman ulutay uluğbey ulva ulya ulyan ulyana ulysses uma umaarah umair
umande umang umar umay umaya umberto umi ummahani umman umoja umut umutcan umuşan una undine undína
unggul uni unique unjani unknown unna unnamed unnar unnati unnbjörg unnbjörn unndís unndór unni
unnsteinn unnur unnþór uno uolevi upadhriti upasna upik upkaar upma ura uraltay urbain urban urbano
urfan urhan uriah uriel urijah urima urishilla urmas urmi uroš urrab urs ursel ursina ursula
urszula urte urvashi urvi urðar urður urša urška uršuľa uschi ushan ushindi usiku usman usmon ustim
ustin usyi uta utama ute utkarsh utkucan utz uwe uxi uyanser uygun uzbay uzima uzsoy uçan uçbeyi
uğan uğur uğurkan uğurtan vacibe vada vadim vafir vagn vagna vagnbjörg vagnfríður vahar vahid
vahidə vahittin vaida vaidas vaishnavi vajèn vaka vakarė vaklina vakris vakur val vala valarie
valary valberg valbergur valbjörg valbjörk valbjörn valbjört valborg valbrandur valda valdemar
valdheiður valdi valdimar valdis valdís valdór valeh valencia valentijn valentim valentin valentina
valentine valentino valentín valentína valentínus valentīna valeri valeria valerie valerij valerija
valerio valeriu valeriy valeriya valero valery valeryan valería valeska valey valfríður valgarð
valgarður valgeir valgerða valgerður valhildur valid validə valija valinda valka vallary vallaður
vallie vallý valmar valmundur valný valon valorie valrós valrún valsteinn valter valtteri valtýr
valur valva valves valya valère valèria valér valéria valérie valéry valíant valý valþrúður valþór
vamakshi van vance vanda vander vanesa vanessa vangeliya vania vanja vannie vansha vanukhi vanya
vaqif vara varenya varfolomey varfolomiy vargın varlaam varlık varmar varsha varta varun varvara
vasana vasarė vasatika vasco vasenka vashilya vashon vashti vasif vasil vasile vasilica vasilică
vasilina vasilisa vasiliy vasilka vaska vassie vassilios vasudha vasyl vatnar vatslav vaughan
vaughn vavrinec vaysal vazeh vechko vecide veda vedant vedat vedhika vedika vedran veer veera
veerle veeti vefia vega vegard veig veiga veigar veigur veijo veikko veis veit vela velda veli
velia veliana velimir velinna velitdin veliyanka vella vello velma velta velva velvet vena venancio
venceslás venchislava venda vendela vendelín vendula venedikt venera veneranda venessa venetsiya
veniamin venice venie venislava venita veniyamin venla vennie venus veola ver vera verda verde
verdell verdie vere verena vergie vergil verim verislava verl verla verle verlene verlie verlin
verlon verlyn vermundur vern verna vernal verne vernell vernelle verner verneri vernetta vernharð
vernharður vernia vernice vernie vernita vernon vero verona veronica veronicah veronika veronique
versa versie vertie verónica verónika veróníka vesa veselin veselinka vesislav vesna veso
vespasiyan vessie vesta vestar vester vestmar veta vetko vetrarrós vetsa veturliði veva veysəl
vezat vezhda vezrife vi vibeka vic vicenta vicente vicenția vicențiu vicho vicie vick vickey vicki
vickie vicky victoire victor victoria victoriano victorine victorino victory victoría victória vicy
vid vida vidadi vidal vidar vide videlin viden vidhi vidima vidin vidoe vidoslav vidyu viera
vieroslava viesturs vigalot vigdís vigfús viggo viggó vigilija vignir vigný vigo vigri vigtýr vigur
vihaan viivi vija vikar vikenti vikentiy vikhr vikhren vikhroni viking vikki vikram viktor viktoria
viktorie viktorija viktorin viktoriya viktors viktoría viktória vilayət vilberg vilbergur vilbert
vilbjörn vilbogi vilborg vilbrandur vildane vilde vildís vilfríður vilgeir vilgerður vilgot vilhelm
vilhelmiina vilhelmina vilhelmína vilhjálmur vilho vili viliam vilian vilis vilislav vilius viliya
viliyan vilizar vilizara viljami viljar viljem vilji viljo vilkhema villa villads ville villi
villimey vilma vilmar vilmer vilmos vilmundur vilnis vilný viltė vilém viman vina vinaya vinbjörg
vince vincenc vincent vincentio vincenza vincenzo vincențiu vinchentso vinciane vineta vinetu viney
vinicio vinicius vinie vinjar vinko vinnie vinný vino vinsen vinsnt vinson vinsý vinton vinzenz
vinícius viola violet violeta violetta violette violin viorel viorela viorica vira viraj virdie
virge virgel virgia virgie virgil virgilio virgill virginia virginie virginía virgle viridiana
virman virpi virzhiniya virág visar visarion visha vishetin vishka vishnyu visitación vissarion
visvaldis vita vitali vitalija vitalis vitaliy vitko vitlyan vito vitomir vitomira vitor vitosh
vittoria vittorio vitus vitória viva vivaan vivek viveka vivi vivian viviana viviane vivianne
vivien vivienne viðar viðja viļums vjekoslav vjollca vlad vladilen vladilena vladimer vladimir
vladimír vladimíra vladislav vladislavs vladlen vladlena vlado vlaicu vlas vlasta vlastimil vlatko
vlo vlora vlădelina voditsa voichița voicu vojtech vojtěch voldemārs volkan volker volkhard volkmar
vollie volney volodimir volodimira von vonda vonetta voney vonnie vopni vordís vorm voynka
vratislav vratko vrbunka vreneli vrinda vrishti vritti vsemil vseslav vsevolod vtsa vula vuokko
vurğun vusumuzi vyacheslav vyanjana vysheslav vytautas vytė vzkreseniya václav váli vápni vár vâlâ
vân väinö vébjörg vébjörn védís végeir végerður vékell vélaug vélaugur vémundur véný véronique
vésteinn víbekka víctor víf vífill vígdögg víggunnur víglundur vígmar vígmundur vígsteinn vígþór
víkingur vísa vít vítor vítězslav víðar víðir víóla víóletta víťazoslav vöggur völundur vörður
vöttur vüqar vüsal vüsalə vėjūnė věra vũ vəfa vəfadar vəli waahid waail waajid waceera wachira wade
wadee wadi wadood wafa wafae wafeeq wafi wafiq wafula wage wahab wahb wahban waheed wahhaab wahhaaj
wahyu waida waimarie wainaina waino wairimu wakeeta wakiman walburga waldemar waldo waldtraut
walentina walfried walid walker wallace walli wally walt walter walther walton waltraud waltraut
waltrud waluyo wamalwa wambua wambugu wambui wamwema wan wan-ting wanda waneta wangari wangila
wangui wani wanita wanja wanjala wanjiku wanjiru wanjohi wannes wanyama wanyonyi ward warda wardaya
wardell wardi warhi waridi warinder warjas warji warner warre warren warsa warsita warta warwick
waseme wash washington wasin wasis wassaya wassim watika watson watt wava waverly wawan waweru
wayde wayland waylon wayman waymon wayne wazir weaver webb webster weddy weena wei wei-ting weiwei
wekesa weldon wellington wells welton wen wen-chang wen-cheng wen-chieh wen-chin wen-chung
wen-hsiang wen-hsien wen-hsiung wen-hua wen-lung wen-pin wenceslao wenche wencke wende wendel
wendelin wendell wendi wendolin wendy wenke wenzel wera werner wes wesley wesonga wess wessel
westin westley weston wheeler whit whitley whitney wibke widisha widya wiebke wieland wieslaw
wigbert wikitoria wiktor wilber wilbert wilbur wilburn wilda wilder wiley wilford wilfred wilfredo
wilfrid wilfrido wilfried wilfriede wilhelm wilhelmina wilhelmine wilhelmus wiliam wilkie will
willa willaim willam willard wille willem willene willfried willi willia william williams willian
williard willibald willibert willie williemae willis willodean willow willum willy wilma wilman
wilmar wilmer wilson wilton wiltrud wim winda windell windy winfield winford winfred winfried wing
winifred winni winnie winnifred winny winona winston winter winthrop winton wira wirda wiremu wirt
wishi wisnu witold wladimir wm wojciech woldemar wolf wolf-dieter wolf-dietrich wolf-rüdiger
wolfgang wolfhard wolfram wong woo woo-jin wood woodie woodroe woodrow woodson woody worley worth
wout wouter wriddhish wridesh wright wu wu-hsiung wulan wulf wuraola wyatt wycliff wycliffe wylie
wyman wynona wálter xalak xalid xalidə xaliq xalisə xaləddin xamis xanana xander xankişi xanlar
xanım xatirə xaver xavi xavier xavər xena xenia xi xia xiang xiao xiaohong xiaoling xiaomei
xiaoming xiaoyu ximena xin xiomara xiti xiu xiulan xiuying xobeen xolid xosrov xudaverdi xudayar
xudu xue xumar xuân xzavier xénia xəlil xəyal xəyalə xəyyam ya-chu ya-hui ya-ling ya-ping ya-ting
ya-wen yaa yaakov yaaseen yablen yablenka yachana yacho yacine yada yadavi yadid yadiel yadigar
yadira yael yafi yafir yaghnam yagnesh yago yagoda yagodin yahaira yahia yahir yahvi yahya yahyaa
yahyo yahşi yahşikan yair yaiza yajaira yakim yakiv yako yakob yakobo yakoslav yakov yakub
yalazabay yalgın yalislava yaltırak yalçın yalın yaman yamar yameen yamid yamile yamilet yamilex
yamin yamini yamən yan yana yanachko yanadin yanaki yanakin yanara yance yanche yancho yancy yandel
yane yanedin yaneg yanek yanet yaneth yang yani yanichko yanick yaniel yanik yanimir yanina yanira
yanis yanisa yanislav yanislaviya yanka yanko yankul yankı yann yannic yannick yannik yannis yano
yanomil yantar yantsislav yanuariy yanush yao yaqeen yaqoot yaqub yar yara yarcho yareli yarema
yaretzi yargı yarina yaritza yarka yarm yarno yaromir yaropolk yaroslav yaroslava yartse yaryu
yasaar yasan yaseen yasemen yasemin yasen yasena yaser yash yashar yashasvi yashawini yashem
yashica yashka yasho yashoda yashodhara yashon yashvi yasin yasina yasinta yasir yasmeen yasmin
yasmina yasmine yasmín yasna yasser yassin yassine yasti yastreb yasuhiro yasəf yasəmən yatan
yatana yathrib yatin yatso yauvani yavor yavora yavuz yavər yaw yawar yawer yayak yazan yazeed
yazganalp yazgül yazmin yazmín yazo yağın yağızkurt yaşar yaşattin yda ye yecid yee yeferson yefrem
yeganə yehuda yeimy yeison yejide yekbun yekda yelesen yelisaveta yelisey yemi yen-ting yeneral
yeni yenifer yenny yeno yeny yeon yepelek yeraz yeremiya yergha yerko yerson yertan yesenia yesica
yesid yesoob yessenia yessi yessica yetişal yetta yetunde yeva yevgen yewande yeşil yfke yi yigit
yilmaz yina yineth ying yinthe ylenia ylfa ylfur ylja ylur ylva ylvi ylvie ymir yngvar yngve yngvi
ynja yoan yoana yoann yoanna yocelyn yochana yoel yohan yohana yohane yoichi yoil yokhanna yoko
yolal yolanda yolande yolima yolina yoliyan yolko yolonda yona yonatan yonathan yong yonika yono
yordan yordanka york yoruç yosef yoselin yoshiko yoshio yoshita yosip yosma yosuke youba youcef
younes youri yousef yousra youssef yovan yovanka yovcho yovitsa yovko yovo yovro yovtso yozhi yrja
yrjö yrkill yrsa ysaline yu yu-chen yu-chin yu-en yu-fei yu-feng yu-hsiang yu-hsuan yu-lan yu-ling
yu-mei yu-ting yu-tung yu-ying yuan yudy yue yueh-o yueh-tung yueh-ying yug yugi yui yukhim yuki
yuko yuli yulia yulian yuliana yuliena yulieth yulisa yulissa yuliy yuliya yuliyan yuly yumiko yun
yun-fei yuna yung-chang yung-ching yuni yunis yunita yunona yunt yunus yurani yurany yurdan
yurdanur yurdaser yureed yurem yuri yuridia yurii yurita yuriy yurtgüven yurtseven yurttaş yury
yusif yussuf yustianna yustim yustin yustina yustinian yusuf yuta yutika yuvenaliy yuvraj yvan yves
yvette yvon yvonne yésica yéssica yönetmen yücel yücelen yümun yıldır yıldız yılma yəhya yến zaafir
zaahid zaahir zaakir zabir zablon zac zacarías zach zacharia zachariah zacharias zacharie zachary
zachery zack zackariya zackary zackery zada zadie zaeem zaeka zaenab zafa zafar zafeer zafer zafir
zafrul zahaar zaharia zaheer zahfer zahi zahid zahir zahnya zahra zahri zahro zahrun zahur zaib
zaid zaida zaiden zain zainab zainabu zaira zaire zaitra zaituni zak zakaria zakariyo zakary
zakaría zakarías zakayo zakhar zakhari zakharin zakharinka zakhele zakho zakir zakiyaxon zaliha
zalindra zalán zaman zamfir zamfira zamin zamiq zamir zamira zana zander zandra zane zanele zango
zaniyah zanka zanko zansi zapryan zara zarar zaraza zaria zariah zarina zarko zarna zarəngiz zashil
zauqi zaur zavarin zaven zavier zavion zaweel zayan zayd zayden zaynab zayne zayyan zayyir zbigniew
zbyněk zdenka zdenko zdeněk zdeňka zdislava zdravcho zdravelin zdravelina zdravets zdravko
zdukhostina zeb zebirce zebulon zechariah zed zeferino zehaan zehnia zehra zehranur zejna zekayi
zeke zeki zela zelaya zelda zelha zelia zeljko zella zelma zelpha zemfira zemzem zena zenas zende
zengin zenia zennun zeno zenobia zenon zenovia zenta zenzele zenzile zerafet zerdad zeride zeta
zetta zettie zevlüde zewad zeynal zeynelabidin zeynep zeyno zeynulla zeynəb zeynəgül zgura zhaklin
zhane zhanin zhanna zhara zharko zhelyazka zhen zhenimira zheyna zhi zhichka zhiva zhivomira zhong
zhorka zhou zhuliana zi ziba zibeydə zibuyile ziedonis ziggy zigmund zigrīda zihni zika zikmund
zilfa zillah zilmil zilpah zilpha zimran zina zinaida zinal zineb zinhle zinko zinnura zinnure
zinovi zinoviy zinət zion zipporah zita ziya ziyaettin zizi zlatan zlateya zlati zlatica zlatil
zlatimir zlatiyan zlatka zlatko zlato zlatogor zlatomir zlatomira zlatoslav zlatoslava zlatotsvet
zlatozar zoa zoe zoey zofia zofija zoichka zoie zoila zoja zola zollie zoltan zoltán zona zophanías
zophonías zora zoraida zoral zoran zorica zorka zoryan zosima zoya zoé zoë zsanett zsigmond zsolt
zsombor zsuzsanna zsófia zuba zubayr zubeyde zuhri zula zulaikha zulema zulfa zulma zumaridi
zunilda zuwayhir zuwena zuzana zuzichka zvezdan zvezdemira zvezdin zvezdislav zvezdiyan zvezdolet
zvezdomir zvonka zvonko zwatie zélie zóphanías zóphonías zöhrehan zöhrə züfer züheyla zülbiye
züleyxa zülfiyyə zülfüye zülgarni zümre zümrüd zəhra zəkəriyyə zəminə zərdüşt zərif zərifə zərnigar
ábel ádám áfrica ágata ágatha ágnes águeda ágúst ágústa ágústína áki ákos álex álfar álfdís álfey
álfgeir álfgerður álfgrímur álfheiður álfhildur álfrós álfrún álfsól álfur álfþór álvaro ámbar
ámundi ángel ángela ángeles ánh árbjartur árbjörg árbjörn árbjört árdís árelía árelíus árgeir
árgils árlaug ármann ármey árna árndís árney árnheiður árni árnína árný áron árpád ársæl ársæll
ársól árveig árvök áróra árún árþóra ás ása ásberg ásbergur ásbjörg ásbjörn ásborg ásdís ásfríður
ásgautur ásgeir ásgerður ásgils ásgrímur áshildur ási áskatla áskell ásla áslaug áslaugur ásleif
áslákur ásmar ásmundur ásný ásrós ásröður ásrún ást ásta ástbjörg ástbjörn ástbjört ástdís
ástfríður ástgeir ástgerður ástheiður ásthildur ástmar ástmundur ástráður ástríkur ástríður ástrós
ástrún ástvald ástvaldur ástvar ástveig ástvin ástþrúður ástþór ástþóra ásvaldur ásvarður ásvör
ásólfur ásþór áurea âdem âlemşah ângela ângelo änne åbjørn åge åke åsa åse ægileif ægir æsa
æsgerður æsir ævar ævarr çakar çakırca çaltı çalım çamok çapkan çavuldur çağa çağdan çağlar
çağlasın çağveren çelem çelikkan çelikyürek çerçi çetinsu çeviköz çevregül çilga çimnaz çinarə
çinerk çingiz çisem çiçək çokan çolpan çopur çoğay çıdal çıvgın èric édgar édith édouard élisabeth
élise élodie éléonore émile émilie éric érica étienne éva ëakumbu ían ída ígor íma ími ína íngrid
ír íren írena íris írunn ísabel ísabella ísadóra ísafold ísak ísalind ísar ísarr ísbjörg ísbjörn
ísdís íseldur ísey ísfold ísgeir ísgerður íshildur ísidór ísis íslaug ísleif ísleifur ísmael ísmar
ísmey ísold ísrael ísrún íssól ísveig ísól ísólfur ítalo íunn íva ívan ívar íñigo óda ófeigur
ófelía óla ólafur ólafía ólafína ólavía óli óliver ólivía ólína ólíver ólöf ómar ómi ósa óscar ósk
óskar ósvald ósvaldur ósvífur ótta óttar óttarr óðinn öge ögmunda ögmundur ögn ögri ökkaş öktürk
ölnir ölrún ölveig ölver ölvir ömer ömriye ömür öncel öndólfur önel öngen önsal önundur örbrún
örfiye örik örjan örk örlaugur örlygur örn örnólfur örvar öryürek ösp össur östen över övün öxar
özakan özalpsan özaslan özay özbay özbilek özbilge özdal özdeş özdil özdoğdu özel özerdinç özertem
özge özger özgün özgür özinal özkent özkutlu özlem özlü özokçu özpetek özpınar özsözlü öztek öztürk
özyurt özçam özüdoğru öğet øivind øjvind ørni øvli øystein øyvind úa úddi úlfa úlfar úlfdís úlfey
úlfgeir úlfheiður úlfhildur úlfhéðinn úlfkell úlfljótur úlfrún úlftýr úlfur úlla úlrik úna úndína
úranus úranía úrsula úrsúla übeydullah üge ülfet ülfət ülke ülküdeş ülküm ülkər ülle ülvi ülviyyə
ümid ümmahan ümmet ümmühan ümray ünal ünek ünlen ünsever ünübol ürfettin ürper üsame üstün üzer
üzeyir üçgül ýja ýma ýmir ýr ýrar ýrr þalía þangbrandur þeba þengill þeyr þeódís þeódóra þinur
þiðrandi þiðrik þjálfi þjóstar þjóstólfur þjóðann þjóðbjörg þjóðbjörn þjóðgeir þjóðhildur
þjóðleifur þjóðmar þjóðrekur þjóðvarður þjóðólfur þoka þorberg þorbergur þorbjörg þorbjörn
þorbrandur þorfinna þorfinnur þorgarður þorgautur þorgeir þorgerður þorgestur þorgils þorgnýr
þorgríma þorgrímur þorgísl þorkatla þorkell þorlaug þorlaugur þorleif þorleifur þorleikur þorlákur
þormar þormundur þormóður þorri þorsteina þorsteinn þorstína þorvaldur þorvar þorvarður þrastar
þrymur þrá þráinn þrándur þróttur þröstur þrúða þrúðmar þrúður þula þura þurí þuríður þurý þyri
þyrnir þyrí þór þóra þóranna þórar þórarinn þórarna þórbergur þórbjörg þórbjörn þórdís þórelfa
þórelfur þórey þórfríður þórgnýr þórgrímur þórgunna þórgunnur þórhaddur þórhalla þórhalli þórhallur
þórhanna þórheiður þórhildur þórir þórkatla þórlaug þórlaugur þórleif þórleifur þórlindur þórmar
þórmundur þórný þórodda þóroddur þórormur þórsteina þórsteinn þórsteinunn þórstína þórunn þórveig
þórvör þórða þórður þórólfur þórörn þöll þúfa ādams ādolfs ārija ąžuolas đuro đurđica ērika ēriks
ēvalds ğanim ģederts ģirts ľubica ľubomír ľubomíra ľubor ľuboslav ľuboslava ľuboš ľudmila ľudomil
ľudomila ľudovít łukasz şaban şabettin şadıman şafii şahat şahdiye şahin şahinbey şahinder şahlar
şahmar şahmettin şahnaz şahnuray şahvələd şahıgül şakir şali şamiha şamil şamxal şanlı şavki şayan
şazime şefi şefiye şehamet şehreban şehza şekim şelâle şemsettin şemsinisa şendoğan şenkal şennur
şerafeddin şeref şerman şevket şevketfeza şeyda şide şilan şinasi şirin şirivan şirzad şuayp şöhret
şövkət şükri şükufə şüküfe şükür şıxı şəfa şəfiqə şəhla şəhrəbanu şəlalə şəmsiyyə şərafət
şərəfəddin šarlota šarūnas šime šimon špela štefan štefanija štefica štefka štefánia štěpán
štěpánka šárka žan žaneta žanis željka željko želmíra žemyna žiga žigmund živa živilė žofia žofie
žygimantas șerban ștefan ștefana ștefania əbdül əcəbnaz ədalət ədibə əflatun əhliman əhməd əhəd
əjdər əkbər əkrəm əli əliş əliəkrəm ələkbər ələsgər əmin əminə əmir əntiqə ənvər ərtoğrul əsgər
əsmər əyyub əşrəf
"""

GIVEN_NAMES: frozenset[str] = frozenset(_NAMES.split())
