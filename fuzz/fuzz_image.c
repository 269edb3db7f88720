/*
 * fuzz_image.c
 *	  libFuzzer harness for dp_dict_attach: images of a compiled dictionary,
 *	  garbled by the input.
 *
 * A small dictionary is built and its image written once.  Each input
 * edits a copy of that image: its first two bytes say how many bytes to
 * cut from the end (0 to 255, 0 most of the time), then every five bytes
 * are an offset (four bytes, taken modulo the image's size) and a byte to
 * XOR there.  dp_dict_attach must refuse the image or give a dictionary
 * whose counts are those of the image's header; an attached dictionary then
 * tags and scores a fixed text, every mention inside the text and every
 * entity and actor index inside the dictionary (AddressSanitizer watches
 * every read of the image).  An image edited nowhere must attach.
 */
#include "fuzz_common.h"

#include "dp_dict.h"
#include "dp_entity.h"
#include "dp_stance.h"

static FzArena dict_arena = {.name = "dictionary"};
static FzArena doc_arena = {.name = "document"};
static DpMem dict_mem;
static DpDict *dict;
static char *image;
static size_t image_len;
static DpDict *volatile attached;	/* destroyed if the core fails */

static const char text[] =
	"Le président Emmanuel Macron a reçu à Paris son homologue ukrainien. "
	"La Russie rejette la trêve proposée par Washington ; Moscou accuse Kiev. "
	"Selon Sergueï Lavrov, l'adhésion de l'Ukraine à l'OTAN est irréaliste.";

static void
build_dictionary(void)
{
	int			e;

	dict_mem = fz_mem(&dict_arena);
	dict = dp_dict_create(&dict_mem);
	dp_dict_add_country(dict, "FRA", "France");
	dp_dict_add_country(dict, "UKR", "Ukraine");
	dp_dict_add_country(dict, "RUS", "Russie");
	dp_dict_add_country(dict, "USA", "États-Unis");
	dp_dict_add_alias(dict, "Paris", dp_dict_add_entity(dict, "France", DP_KIND_GPE, "FRA", NULL, 0.9f));
	dp_dict_add_alias(dict, "Kiev", dp_dict_add_entity(dict, "Ukraine", DP_KIND_GPE, "UKR", NULL, 0.9f));
	e = dp_dict_add_entity(dict, "Russie", DP_KIND_GPE, "RUS", NULL, 0.9f);
	dp_dict_add_alias(dict, "Russie", e);
	dp_dict_add_alias(dict, "Moscou", e);
	dp_dict_add_alias(dict, "Washington", dp_dict_add_entity(dict, "États-Unis", DP_KIND_GPE, "USA", NULL, 0.9f));
	e = dp_dict_add_entity(dict, "Emmanuel Macron", DP_KIND_PER, "FRA", "président", 0.9f);
	dp_dict_add_alias(dict, "Emmanuel Macron", e);
	dp_dict_add_alias(dict, "Macron", e);
	e = dp_dict_add_entity(dict, "Sergueï Lavrov", DP_KIND_PER, "RUS", "ministre", 0.7f);
	dp_dict_add_alias(dict, "Sergueï Lavrov", e);
	dp_dict_add_alias(dict, "OTAN", dp_dict_add_entity(dict, "OTAN", DP_KIND_ORG, NULL, NULL, 0.8f));
	dp_dict_add_state_entities(dict);
	dp_dict_add_demonym(dict, "ukrainien", "UKR");
	dp_dict_add_role(dict, "président", DP_ROLE_HEAD);
	dp_dict_add_name_head(dict, "Conférence", DP_KIND_EVENT);
	dp_dict_add_particle(dict, "de");
	dp_dict_add_name_hint(dict, "Sergueï", DP_HINT_FIRST);
	dp_dict_add_topic(dict, "cessez-le-feu");
	dp_dict_add_topic(dict, "adhesion-otan");
	dp_dict_add_topic_term(dict, "trêve", 0, 1, false);
	dp_dict_add_topic_term(dict, "adhésion * OTAN", 1, 1, true);
	dp_dict_add_cue(dict, "rejeter", DP_POS_VERB, -1, 0.9f, DP_FR_REJECT, DP_TM_OBJECT);
	dp_dict_add_cue(dict, "accuser", DP_POS_VERB, -1, 0.9f, DP_FR_ACCUSE, DP_TM_ENTITY);
	dp_dict_add_cue(dict, "irréaliste", DP_POS_ADJ, -1, 0.8f, DP_FR_EVALUATE, DP_TM_SUBJECT);
	dp_dict_add_modifier(dict, "ne", DP_MOD_NEGATION, 1);
	dp_dict_add_modifier(dict, "selon", DP_MOD_REPORTING, 1);
	dp_dict_finish(dict);
	image_len = dp_dict_image_size(dict);
	image = malloc(image_len);
	FZ_CHECK(image != NULL, "no memory for the image");
	FZ_CHECK(dp_dict_image_write(dict, image, image_len) == image_len, "image not written");
	FZ_CHECK(dp_dict_image_check(image, image_len) == NULL, "the image written is refused");
}

static void
destroy_dictionary(void)
{
	if (!dict)
		return;
	dp_dict_destroy(dict);
	dict = NULL;
	free(image);
	image = NULL;
	fz_destroy(&dict_arena);
	fz_destroy(&doc_arena);
}

int			LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void) argc;
	(void) argv;
	build_dictionary();
	atexit(destroy_dictionary);
	return 0;
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	DpMem		m = fz_mem(&doc_arena);
	size_t		cut = 0;
	size_t		len;
	char	   *copy;
	const char *why = NULL;
	DpDict	   *a;
	bool		edited = false;
	jmp_buf		jb;

	if (size >= 2 && data[0] == 0xFF)
		cut = data[1];
	len = cut < image_len ? image_len - cut : 0;
	/* 8-byte aligned, exactly len bytes (AddressSanitizer sees over-reads) */
	copy = fz_alloc(&doc_arena, len ? len : 1);
	memcpy(copy, image, len);
	for (size_t i = 2; i + 5 <= size; i += 5)
	{
		uint32_t	off;

		memcpy(&off, data + i, 4);
		if (len > 0 && data[i + 4] != 0)
		{
			copy[off % len] ^= (char) data[i + 4];
			edited = true;
		}
	}
	doc_arena.jmp = &jb;
	if (setjmp(jb) != 0)
	{
		/* an error of the core (a size limit, say): acceptable, no crash */
		if (attached)
			dp_dict_destroy(attached);
		attached = NULL;
		fz_reset(&doc_arena);
		return 0;
	}
	a = dp_dict_attach(&m, copy, len, &why);
	attached = a;
	if (a == NULL)
	{
		FZ_CHECK(why != NULL, "refused without a reason");
		FZ_CHECK(edited || cut > 0, "the untouched image is refused: %s", why);
	}
	else
	{
		DpMentions	ms = {0};
		DpStances	ss = {0};

		FZ_CHECK(a->finished && a->frozen, "attached dictionary not finished and frozen");
		dp_tag_document(a, &m, text, sizeof(text) - 1, &ms);
		for (size_t i = 0; i < ms.n; i++)
		{
			const DpMention *mm = &ms.m[i];

			FZ_CHECK((size_t) mm->off + mm->len <= sizeof(text) - 1, "mention outside the text");
			FZ_CHECK(mm->entity >= -1 && (mm->entity < 0 || (uint32_t) mm->entity < a->nentities),
					 "mention entity out of range");
			FZ_CHECK(mm->actor >= -1 && (mm->actor < 0 || (uint32_t) mm->actor < a->ncountries),
					 "mention actor out of range");
		}
		dp_stance_document(a, &m, text, sizeof(text) - 1, &ss);
		for (size_t i = 0; i < ss.n; i++)
			FZ_CHECK(ss.s[i].score >= -1.0f && ss.s[i].score <= 1.0f, "stance score out of range");
		dp_dict_destroy(a);
		attached = NULL;
	}
	fz_reset(&doc_arena);
	return 0;
}
